import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import { regionSubtreeCondition } from '../../../libs/auth';
import type { EmployeeType } from './domain/golongan';
import { normaliseIdentifier } from './auth/auth.service';
import { formatNip } from './domain/nip';
import { User } from './entities';

/** The facts about an ASN that assignment filters and course audiences match on. */
export interface PersonFacts {
  id: string;
  nip: string;
  regionCode: string | null;
  unitId: string | null;
  positionId: string | null;
  golongan: string | null;
  employeeType: EmployeeType | null;
  supervisorId: string | null;
  /** When the account was created (an ASN counts in the JP rollups from that year on). */
  createdAt: Date;
}

export interface PeopleFilter {
  regionCode?: string;
  unitId?: string;
  positionId?: string;
  golongan?: string;
  employeeType?: EmployeeType;
}

/** How to reach a person: what notifications need to write and address an e-mail. */
export interface PersonContact {
  id: string;
  name: string;
  email: string | null;
  locale: 'id' | 'en';
  regionCode: string | null;
  active: boolean;
}

const FACTS = [
  'id',
  'nip',
  'regionCode',
  'unitId',
  'positionId',
  'golongan',
  'employeeType',
  'supervisorId',
  'createdAt',
] as const;

/** Active ASN (people with a NIP) looked up in bulk, for jobs that work through a population. */
@Injectable()
export class PeopleDirectory {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** The next `limit` people matching the filter after `afterId`, in id order (a resumable walk). */
  async page(filter: PeopleFilter, afterId: string | null, limit: number): Promise<PersonFacts[]> {
    const qb = this.users
      .createQueryBuilder('u')
      .select(FACTS.map((f) => `u.${f}`))
      .where('u.nip IS NOT NULL')
      .andWhere('u.active = :active', { active: true })
      .orderBy('u.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('u.id > :afterId', { afterId });
    if (filter.regionCode) {
      const c = regionSubtreeCondition('u.region_code', filter.regionCode, 'filterRegion');
      qb.andWhere(c.sql, c.params);
    }
    if (filter.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.positionId) qb.andWhere('u.position_id = :positionId', { positionId: filter.positionId });
    if (filter.golongan) qb.andWhere('u.golongan = :golongan', { golongan: filter.golongan });
    if (filter.employeeType) qb.andWhere('u.employee_type = :employeeType', { employeeType: filter.employeeType });
    return (await qb.getMany()) as PersonFacts[];
  }

  /**
   * ASN as the rollups count them (an employee type and an active account), `limit` at a
   * time after `afterId` in id order; optionally only the holders of one position.
   */
  async asnPage(filter: { positionId?: string }, afterId: string | null, limit: number): Promise<PersonFacts[]> {
    const qb = this.users
      .createQueryBuilder('u')
      .select(FACTS.map((f) => `u.${f}`))
      .where('u.employee_type IS NOT NULL')
      .andWhere('u.active = :active', { active: true })
      .orderBy('u.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('u.id > :afterId', { afterId });
    if (filter.positionId) qb.andWhere('u.position_id = :positionId', { positionId: filter.positionId });
    return (await qb.getMany()) as PersonFacts[];
  }

  /** Those of these people who are ASN as the rollups count them, with their facts. */
  async asnOf(ids: string[]): Promise<PersonFacts[]> {
    if (ids.length === 0) return [];
    const select = Object.fromEntries(FACTS.map((f) => [f, true]));
    return (await this.users.find({
      select,
      where: { id: In(ids), employeeType: Not(IsNull()), active: true },
    })) as PersonFacts[];
  }

  /** The facts of these people (any account with or without NIP, active or not). */
  async factsOf(ids: string[]): Promise<PersonFacts[]> {
    if (ids.length === 0) return [];
    const select = Object.fromEntries(FACTS.map((f) => [f, true]));
    return (await this.users.find({ select, where: { id: In(ids) } })) as PersonFacts[];
  }

  /** Names and NIPs for lists (the caller has already scoped which ids it shows). */
  async namesOf(ids: string[]): Promise<Map<string, { name: string; nip: string | null }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({ select: { id: true, name: true, nip: true }, where: { id: In(ids) } });
    return new Map(rows.map((u) => [u.id, { name: u.name, nip: u.nip ? formatNip(u.nip) : null }]));
  }

  /** Names, addresses and languages of people (inactive ones included; the caller decides). */
  async contactsOf(ids: string[]): Promise<PersonContact[]> {
    if (ids.length === 0) return [];
    return this.users.find({
      select: { id: true, name: true, email: true, locale: true, regionCode: true, active: true },
      where: { id: In(ids) },
    });
  }

  /** The active person who signs in with this NIP or e-mail (spaces in a NIP allowed). */
  async byLogin(identifier: string): Promise<{ id: string; name: string; role: User['role'] } | null> {
    const account = normaliseIdentifier(identifier);
    const where = /^\d{18}$/.test(account) ? { nip: account } : { email: account };
    const user = await this.users.findOne({
      select: { id: true, name: true, role: true },
      where: { ...where, active: true },
    });
    return user ? { id: user.id, name: user.name, role: user.role } : null;
  }

  async byNips(nips: string[]): Promise<PersonFacts[]> {
    if (nips.length === 0) return [];
    const select = Object.fromEntries(FACTS.map((f) => [f, true]));
    return (await this.users.find({ select, where: { nip: In(nips), active: true } })) as PersonFacts[];
  }
}
