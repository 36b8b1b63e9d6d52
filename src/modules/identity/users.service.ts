import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessScope, regionSubtreeCondition, regionWithin } from '../../../libs/auth';
import { Clock, DomainException, FieldProblem, newId, Page, skipOf, toPage } from '../../../libs/common';
import { likeAny, TransactionRunner } from '../../../libs/database';
import { OrganisationApi } from '../organisation/organisation.api';
import { normaliseGrade } from './domain/golongan';
import { checkNip } from './domain/nip';
import { CreateUserDto, ProfileFieldsDto, SetRoleDto, UpdateMeDto, UpdateUserDto, UserQuery } from './dto/user.dto';
import { User } from './entities';
import { IdentityError } from './identity.errors';
import { PeopleChangedSubscribers } from './people-changed';
import { toUserView, UserView } from './user.view';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organisation: OrganisationApi,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly peopleChanged: PeopleChangedSubscribers,
  ) {}

  /** A user the caller may see, or 404 (also when the user exists outside the caller's scope). */
  async get(scope: AccessScope, id: string): Promise<UserView> {
    return toUserView(await this.visible(scope, id));
  }

  async list(scope: AccessScope, query: UserQuery): Promise<Page<UserView>> {
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    this.applyScope(qb, scope);
    if (query.regionCode) {
      const c = regionSubtreeCondition('u.region_code', query.regionCode, 'filterRegion');
      qb.andWhere(c.sql, c.params);
    }
    if (query.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: query.unitId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      // LIKE ignores case on both databases (SQLite for ASCII, MySQL by collation).
      const text = likeAny(['u.name', 'u.email'], 'q', query.q);
      qb.andWhere(`(${text.sql} OR u.nip = :nip)`, { ...text.params, nip: query.q.replace(/ /g, '') });
    }
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toUserView), total, query);
  }

  async create(scope: AccessScope, dto: CreateUserDto): Promise<UserView> {
    const nip = this.validNip(dto.nip);
    const profile = await this.resolveProfile(scope, dto, null);
    return this.tx.run(async (m) => {
      await this.assertUnique(m.getRepository(User), { nip, email: profile.email ?? null }, null);
      const user: User = m.create(User, {
        id: newId(),
        nip,
        role: 'learner',
        locale: 'id',
        active: true,
        passwordHash: null,
        scopeRegionCode: null,
        ...profile,
        name: dto.name,
        createdAt: this.clock.now(),
        updatedAt: this.clock.now(),
      } as User);
      await m.insert(User, user);
      await this.peopleChanged.notify(m, { userIds: [user.id] });
      return toUserView(user);
    });
  }

  async update(scope: AccessScope, id: string, dto: UpdateUserDto): Promise<UserView> {
    const current = await this.visible(scope, id);
    if (!canManage(scope, current)) {
      throw new DomainException(
        IdentityError.USER_NOT_MANAGEABLE,
        'Only an administrator with a wider scope may change an administrator account',
      );
    }
    const profile = await this.resolveProfile(scope, dto, current);
    if (dto.active !== undefined) profile.active = dto.active;
    return this.tx.run(async (m) => {
      await this.assertUnique(m.getRepository(User), { nip: null, email: profile.email ?? null }, id);
      await m.update(User, { id }, { ...profile, updatedAt: this.clock.now() });
      if (PEOPLE_FACTS.some((f) => profile[f] !== undefined)) await this.peopleChanged.notify(m, { userIds: [id] });
      return toUserView({ ...current, ...profile });
    });
  }

  async updateMe(userId: string, dto: UpdateMeDto): Promise<UserView> {
    const current = await this.byIdOrFail(userId);
    const changes: Partial<User> = { updatedAt: this.clock.now() };
    if (dto.email !== undefined) changes.email = dto.email.trim().toLowerCase();
    if (dto.phone !== undefined) changes.phone = dto.phone.trim();
    if (dto.locale !== undefined) changes.locale = dto.locale;
    return this.tx.run(async (m) => {
      await this.assertUnique(m.getRepository(User), { nip: null, email: changes.email ?? null }, userId);
      await m.update(User, { id: userId }, changes);
      return toUserView({ ...current, ...changes });
    });
  }

  async setRole(id: string, dto: SetRoleDto): Promise<UserView> {
    const current = await this.byIdOrFail(id);
    const scopeRegionCode = dto.role === 'unit_admin' ? dto.scopeRegionCode! : null;
    if (scopeRegionCode) await this.organisation.getRegion(scopeRegionCode);
    await this.tx.run((m) => m.update(User, { id }, { role: dto.role, scopeRegionCode, updatedAt: this.clock.now() }));
    return toUserView({ ...current, role: dto.role, scopeRegionCode });
  }

  async byIdOrFail(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainException(IdentityError.USER_NOT_FOUND, 'User not found');
    return user;
  }

  private async visible(scope: AccessScope, id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user || !canSee(scope, user)) throw new DomainException(IdentityError.USER_NOT_FOUND, 'User not found');
    return user;
  }

  private applyScope(qb: ReturnType<Repository<User>['createQueryBuilder']>, scope: AccessScope): void {
    if (scope.kind === 'region') {
      const c = regionSubtreeCondition('u.region_code', scope.regionCode);
      qb.andWhere(c.sql, c.params);
    } else if (scope.kind === 'own') {
      qb.andWhere('(u.id = :me OR u.supervisor_id = :me)', { me: scope.userId });
    }
  }

  private validNip(raw: string): string {
    const result = checkNip(raw, this.clock.now());
    if (!result.ok) {
      throw new DomainException(IdentityError.NIP_INVALID, `NIP is not valid: ${result.message}`, {
        fields: [{ field: 'nip', rule: result.problem, message: result.message }],
      });
    }
    return result.nip;
  }

  /** Checks the references of a profile (unit in scope, position, supervisor, grade). */
  private async resolveProfile(
    scope: AccessScope,
    dto: ProfileFieldsDto,
    current: User | null,
  ): Promise<Partial<User>> {
    const problems: FieldProblem[] = [];
    const out: Partial<User> = {};
    if (dto.name !== undefined) out.name = dto.name.trim();
    if (dto.email !== undefined) out.email = dto.email.trim().toLowerCase();
    if (dto.phone !== undefined) out.phone = dto.phone.trim();
    if (dto.employeeType !== undefined) out.employeeType = dto.employeeType;
    const type = dto.employeeType ?? current?.employeeType ?? null;
    if (dto.golongan !== undefined) {
      const grade = type ? normaliseGrade(type, dto.golongan) : null;
      if (!grade)
        problems.push({
          field: 'golongan',
          rule: 'grade',
          message: `golongan ${dto.golongan} is not a ${type ?? 'known'} grade`,
        });
      else out.golongan = grade;
    } else if (dto.employeeType !== undefined && current?.golongan) {
      // A new employee type with the old grade kept: that grade must exist for the new type
      // (a PNS III/a turned PPPK needs a PPPK grade, I-XVII), or the profile contradicts itself.
      if (!normaliseGrade(dto.employeeType, current.golongan)) {
        problems.push({
          field: 'golongan',
          rule: 'grade',
          message: `golongan ${current.golongan} is not a ${dto.employeeType} grade: give the ${dto.employeeType} grade too`,
        });
      }
    }
    if (dto.unitId !== undefined) {
      const [unit] = await this.organisation.unitsByIds([dto.unitId]);
      if (!unit || (scope.kind === 'region' && !regionWithin(unit.regionCode, scope.regionCode))) {
        problems.push({ field: 'unitId', rule: 'exists', message: 'unitId does not name a unit you manage' });
      } else {
        out.unitId = unit.id;
        out.regionCode = unit.regionCode;
      }
    }
    if (dto.positionId !== undefined) {
      const [position] = await this.organisation.positionsByIds([dto.positionId]);
      if (!position)
        problems.push({ field: 'positionId', rule: 'exists', message: 'positionId does not name a position' });
      else out.positionId = position.id;
    }
    if (dto.supervisorId !== undefined) {
      if (dto.supervisorId === null) out.supervisorId = null;
      else if (current && dto.supervisorId === current.id) {
        problems.push({ field: 'supervisorId', rule: 'not_self', message: 'a person cannot supervise themselves' });
      } else {
        const supervisor = await this.users.findOneBy({ id: dto.supervisorId });
        if (!supervisor || !canSee(scope, supervisor)) {
          problems.push({
            field: 'supervisorId',
            rule: 'exists',
            message: 'supervisorId does not name a person you manage',
          });
        } else out.supervisorId = supervisor.id;
      }
    }
    if (problems.length > 0) {
      const first = problems[0];
      const code =
        first.field === 'golongan'
          ? IdentityError.GRADE_INVALID
          : first.field === 'unitId'
            ? IdentityError.UNIT_NOT_FOUND
            : first.field === 'positionId'
              ? IdentityError.POSITION_NOT_FOUND
              : first.field === 'supervisorId' && first.rule === 'not_self'
                ? IdentityError.SUPERVISOR_IS_SELF
                : IdentityError.SUPERVISOR_NOT_FOUND;
      throw new DomainException(code, problems.map((p) => p.message).join('; '), { fields: problems });
    }
    return out;
  }

  private async assertUnique(
    repo: Repository<User>,
    keys: { nip: string | null; email: string | null },
    exceptId: string | null,
  ) {
    if (keys.nip) {
      const other = await repo.findOneBy({ nip: keys.nip });
      if (other && other.id !== exceptId) {
        throw new DomainException(IdentityError.NIP_TAKEN, 'Another account already has this NIP', {
          fields: [{ field: 'nip', rule: 'unique', message: 'nip is already registered' }],
        });
      }
    }
    if (keys.email) {
      const other = await repo.findOneBy({ email: keys.email });
      if (other && other.id !== exceptId) {
        throw new DomainException(IdentityError.EMAIL_TAKEN, 'Another account already uses this e-mail', {
          fields: [{ field: 'email', rule: 'unique', message: 'email is already used by another account' }],
        });
      }
    }
  }
}

/** The fields other modules count people by (monitoring): a change to one is announced. */
const PEOPLE_FACTS = ['employeeType', 'golongan', 'unitId', 'positionId', 'active'] as const;

/** May a caller with this scope see this person? */
export function canSee(scope: AccessScope, user: Pick<User, 'id' | 'regionCode' | 'supervisorId'>): boolean {
  switch (scope.kind) {
    case 'national':
      return true;
    case 'region':
      return regionWithin(user.regionCode, scope.regionCode);
    case 'own':
      return user.id === scope.userId || user.supervisorId === scope.userId;
  }
}

/**
 * May a caller with this scope change this person's account? Whoever they may see, except
 * administrators: a regional administrator changes only administrators of a region inside
 * their own (a city's BKPSDM under its province's), never a peer, a wider one or a national
 * administrator, so no one can lock out or take over the account of whoever oversees them.
 */
export function canManage(
  scope: AccessScope,
  user: Pick<User, 'id' | 'regionCode' | 'supervisorId' | 'role' | 'scopeRegionCode'>,
): boolean {
  if (!canSee(scope, user)) return false;
  if (scope.kind !== 'region') return scope.kind === 'national';
  if (user.role === 'national_admin') return false;
  if (user.role !== 'unit_admin') return true;
  const their = user.scopeRegionCode;
  return their !== null && their !== scope.regionCode && regionWithin(their, scope.regionCode);
}
