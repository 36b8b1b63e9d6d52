import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AccessScope, regionSubtreeCondition, regionWithin } from '../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../libs/common';
import { likeAny, TransactionRunner } from '../../../libs/database';
import { CompetenciesApi } from '../competencies/competencies.api';
import { CreatePositionDto, CreateUnitDto, SetRequirementsDto, UnitQuery } from './dto/organisation.dto';
import { Position, PositionCompetency, Region, Unit } from './entities';
import { OrganisationError } from './organisation.errors';
import { KnownRegions } from './known-regions';
import { StandardChangedSubscribers } from './standard-changed';

@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(Position) private readonly positions: Repository<Position>,
    @InjectRepository(PositionCompetency) private readonly requirements: Repository<PositionCompetency>,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly competencies: CompetenciesApi,
    private readonly standardChanged: StandardChangedSubscribers,
  ) {
    this.knownRegions = new KnownRegions(() => this.clock.now().getTime());
  }

  private readonly knownRegions: KnownRegions<Region>;

  /** The region tree is public knowledge (Kemendagri); a unit admin's own subtree first. */
  async listRegions(scope: AccessScope): Promise<Region[]> {
    const query = this.regions.createQueryBuilder('r').orderBy('r.code', 'ASC');
    if (scope.kind === 'region') {
      const c = regionSubtreeCondition('r.code', scope.regionCode);
      query.where(c.sql, c.params);
    }
    return query.getMany();
  }

  async getRegion(code: string): Promise<Region> {
    const [region] = await this.findRegionsByCodes([code]);
    if (!region) throw new DomainException(OrganisationError.REGION_NOT_FOUND, `Region ${code} not found`);
    return region;
  }

  async listUnits(scope: AccessScope, query: UnitQuery): Promise<Page<Unit>> {
    const qb = this.units
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (scope.kind === 'region') {
      const c = regionSubtreeCondition('u.region_code', scope.regionCode);
      qb.andWhere(c.sql, c.params);
    }
    if (query.regionCode) {
      const c = regionSubtreeCondition('u.region_code', query.regionCode, 'filterRegion');
      qb.andWhere(c.sql, c.params);
    }
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    if (query.q) {
      const text = likeAny(['u.name', 'u.code'], 'q', query.q);
      qb.andWhere(text.sql, text.params);
    }
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, query);
  }

  /** A unit outside the caller's region is reported as missing, not forbidden. */
  async getUnit(scope: AccessScope, id: string): Promise<Unit> {
    const unit = await this.units.findOneBy({ id });
    if (!unit || (scope.kind === 'region' && !regionWithin(unit.regionCode, scope.regionCode))) {
      throw new DomainException(OrganisationError.UNIT_NOT_FOUND, 'Unit not found');
    }
    return unit;
  }

  async createUnit(scope: AccessScope, dto: CreateUnitDto): Promise<Unit> {
    if (scope.kind === 'region' && !regionWithin(dto.regionCode, scope.regionCode)) {
      throw new DomainException(OrganisationError.REGION_OUT_OF_SCOPE, `Region ${dto.regionCode} not found`, {
        fields: [{ field: 'regionCode', rule: 'in_scope', message: 'regionCode is outside your region' }],
      });
    }
    await this.getRegion(dto.regionCode);
    return this.tx.run(async (m) => {
      if (await m.existsBy(Unit, { code: dto.code })) {
        throw new DomainException(OrganisationError.UNIT_CODE_TAKEN, `Unit code ${dto.code} is already used`, {
          fields: [{ field: 'code', rule: 'unique', message: 'code is already used by another unit' }],
        });
      }
      const unit = m.create(Unit, { id: newId(), ...dto, createdAt: this.clock.now() });
      await m.insert(Unit, unit);
      return unit;
    });
  }

  async listPositions(query: PageQuery): Promise<Page<Position>> {
    const [items, total] = await this.positions.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return toPage(items, total, query);
  }

  async getPosition(id: string): Promise<Position & { requirements: PositionCompetency[] }> {
    const position = await this.positions.findOneBy({ id });
    if (!position) throw new DomainException(OrganisationError.POSITION_NOT_FOUND, 'Position not found');
    const requirements = await this.requirements.find({ where: { positionId: id }, order: { competencyCode: 'ASC' } });
    return { ...position, requirements };
  }

  async createPosition(dto: CreatePositionDto): Promise<Position> {
    return this.tx.run(async (m) => {
      if (await m.existsBy(Position, { code: dto.code })) {
        throw new DomainException(OrganisationError.POSITION_CODE_TAKEN, `Position code ${dto.code} is already used`, {
          fields: [{ field: 'code', rule: 'unique', message: 'code is already used by another position' }],
        });
      }
      const position = m.create(Position, { id: newId(), ...dto, createdAt: this.clock.now() });
      await m.insert(Position, position);
      return position;
    });
  }

  /** Replaces a position's job standard as a whole (one transaction: never half of it). */
  async setRequirements(positionId: string, dto: SetRequirementsDto): Promise<PositionCompetency[]> {
    await this.getPosition(positionId);
    const unique = new Map(dto.requirements.map((r) => [r.competencyCode, r.requiredLevel]));
    const rows = [...unique].map(([competencyCode, requiredLevel]) => ({ positionId, competencyCode, requiredLevel }));
    const unknown = new Set(await this.competencies.unknownCodes(rows.map((r) => r.competencyCode)));
    if (unknown.size > 0) {
      const fields = dto.requirements
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => unknown.has(r.competencyCode))
        .map(({ r, i }) => ({
          field: `requirements.${i}.competencyCode`,
          rule: 'exists',
          message: `${r.competencyCode} is not in the competency dictionary`,
        }));
      throw new DomainException(
        OrganisationError.COMPETENCY_UNKNOWN,
        `Unknown competencies: ${[...unknown].join(', ')}`,
        { fields },
      );
    }
    await this.tx.run(async (m) => {
      await m.delete(PositionCompetency, { positionId });
      if (rows.length > 0) await m.insert(PositionCompetency, rows);
      await this.standardChanged.notify(m, { positionId });
    });
    return rows;
  }

  findUnitsByIds(ids: string[]): Promise<Unit[]> {
    return ids.length ? this.units.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * The region of each of these units (unknown ids left out), from plain rows: monitoring's
   * rebuild asks for every unit of a batch, and loading thousands of entities was a fifth of
   * a course batch.
   */
  async regionsOfUnits(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let start = 0; start < ids.length; start += 5000) {
      const chunk = ids.slice(start, start + 5000);
      const rows: Array<{ id: string; region_code: string }> = await this.units.query(
        `SELECT id, region_code FROM unit WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const r of rows) out.set(r.id, r.region_code);
    }
    return out;
  }

  findRegionsByCodes(codes: string[]): Promise<Region[]> {
    return codes.length
      ? this.knownRegions.byCodes(codes, (missing) => this.regions.findBy({ code: In(missing) }))
      : Promise.resolve([]);
  }

  findUnitsByCodes(codes: string[]): Promise<Unit[]> {
    return codes.length ? this.units.findBy({ code: In(codes) }) : Promise.resolve([]);
  }

  findPositionsByCodes(codes: string[]): Promise<Position[]> {
    return codes.length ? this.positions.findBy({ code: In(codes) }) : Promise.resolve([]);
  }

  /** The job standards (required level per competency) of these positions. */
  findRequirements(positionIds: string[]): Promise<PositionCompetency[]> {
    return positionIds.length ? this.requirements.findBy({ positionId: In(positionIds) }) : Promise.resolve([]);
  }

  findPositionsByIds(ids: string[]): Promise<Position[]> {
    return ids.length ? this.positions.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Reference data: adds the regions that are missing, leaves the others as they are. */
  async ensureRegions(rows: Array<Pick<Region, 'code' | 'name' | 'level' | 'parentCode'>>): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.run((m) => m.createQueryBuilder().insert().into(Region).values(rows).orIgnore().execute());
  }

  async ensureUnit(dto: CreateUnitDto): Promise<Unit> {
    const existing = await this.units.findOneBy({ code: dto.code });
    return existing ?? this.createUnit({ kind: 'national' }, dto);
  }

  async ensurePosition(dto: CreatePositionDto): Promise<Position> {
    const existing = await this.positions.findOneBy({ code: dto.code });
    return existing ?? this.createPosition(dto);
  }
}
