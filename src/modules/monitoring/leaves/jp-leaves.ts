import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { IdentityApi, PersonFacts } from '../../identity/identity.api';
import { JpYear, LearningApi } from '../../learning/learning.api';
import { MonJpPerson } from '../entities';
import { LeafContribution, LeafKind } from '../rollups/leaf-kind';
import { LeafKeys } from '../rollups/leaf-kinds';
import { RebuildableLeaves } from '../rollups/rebuildable';
import { forUpdate } from '../rollups/rollup-lock';
import { jpBucketOf, metTarget } from './jp/jp-bucket';
import { JP_NODE_SOURCES } from './jp/jp-nodes';
import { wibYear as wibYearOf } from '../../../../libs/common';
import { insertIgnore, upsertRows } from './leaf-rows';
import { keyRange, syncLeaves } from './leaf-sync';

type Key = LeafKeys['jp'];

/** One ASN's JP of a year, placed where they work. */
export interface JpState {
  year: number;
  regionCode: string | null;
  unitId: string | null;
  employeeType: string;
  /** '' when unknown. */
  golongan: string;
  jpTenths: number;
  /** 0 when no target is set (then never attained). */
  targetJp: number;
  attainedMonth: number | null;
}

/** People per rebuild batch (and per lock): a few tenths of a second at 50,000 ASN on MariaDB. */
const PEOPLE_PER_BATCH = 2000;

/**
 * The 'jp' leaves (mon_jp_person, key {userId, year}): every ASN (employee type set, account
 * active) has one per rolled-up year, 0 JP included; anyone else has none. The JP, the
 * target and the month it was reached come from the learning module's ledger.
 */
@Injectable()
export class JpLeaves implements LeafKind<Key, JpState>, RebuildableLeaves {
  readonly name = 'jp';
  readonly nodeSources = JP_NODE_SOURCES;

  constructor(
    private readonly identity: IdentityApi,
    private readonly learning: LearningApi,
    private readonly clock: Clock,
  ) {}

  claim(m: EntityManager, key: Key): Promise<void> {
    return this.claimMany(m, [key]);
  }

  async readLocked(m: EntityManager, key: Key): Promise<JpState | null> {
    return (await this.readLockedMany(m, [key]))[0];
  }

  async claimMany(m: EntityManager, keys: Key[]): Promise<void> {
    const now = this.clock.now();
    await insertIgnore(
      m,
      MonJpPerson,
      keys.map(({ userId, year }) => ({ year, userId, applied: false, updatedAt: now })),
    );
  }

  /** The stored leaves of many people (one locking read per year among the keys). */
  async readLockedMany(m: EntityManager, keys: Key[]): Promise<Array<JpState | null>> {
    const found = new Map<string, JpState>();
    for (const year of new Set(keys.map((k) => k.year))) {
      const ids = keys.filter((k) => k.year === year).map((k) => k.userId);
      const rows: Array<Record<string, unknown>> = await m.query(
        `SELECT user_id, year, region_code, unit_id, employee_type, golongan, jp_tenths, target_jp, attained_month, applied
         FROM mon_jp_person WHERE year = ? AND user_id IN (${ids.map(() => '?').join(', ')})
         ORDER BY user_id${forUpdate(m)}`,
        [year, ...ids],
      );
      for (const row of rows) {
        if (Number(row.applied) !== 1) continue;
        found.set(`${String(row.user_id)}:${year}`, {
          year: Number(row.year),
          regionCode: row.region_code as string | null,
          unitId: row.unit_id as string | null,
          employeeType: String(row.employee_type),
          golongan: String(row.golongan),
          jpTenths: Number(row.jp_tenths),
          targetJp: Number(row.target_jp),
          attainedMonth: row.attained_month === null ? null : Number(row.attained_month),
        });
      }
    }
    return keys.map((k) => found.get(`${k.userId}:${k.year}`) ?? null);
  }

  async compute(_m: EntityManager, { userId, year }: Key): Promise<JpState | null> {
    const [person] = await this.identity.asnFactsOf([userId]);
    if (!person?.employeeType) return null;
    const [jp] = await this.learning.jpYearsOf([{ userId, employeeType: person.employeeType }], [year]);
    return counts(person, jp) ? stateOf(person, jp) : null;
  }

  /** Many people and years: one facts query and one ledger query per year. */
  async computeMany(_m: EntityManager, keys: Key[]): Promise<Array<JpState | null>> {
    const people = new Map(
      (await this.identity.asnFactsOf([...new Set(keys.map((k) => k.userId))])).map((p) => [p.id, p]),
    );
    const jp = new Map<string, JpYear>();
    for (const year of new Set(keys.map((k) => k.year))) {
      const asn = keys.filter((k) => k.year === year && people.get(k.userId)?.employeeType);
      if (asn.length === 0) continue;
      const rows = await this.learning.jpYearsOf(
        asn.map((k) => ({ userId: k.userId, employeeType: people.get(k.userId)!.employeeType! })),
        [year],
      );
      for (const row of rows) jp.set(`${row.userId}:${row.year}`, row);
    }
    return keys.map((k) => {
      const person = people.get(k.userId);
      const year = jp.get(`${k.userId}:${k.year}`);
      return person?.employeeType && year && counts(person, year) ? stateOf(person, year) : null;
    });
  }

  /** Many leaves: one multi-row upsert for the ASN, one delete per year for the others. */
  async writeMany(m: EntityManager, keys: Key[], states: Array<JpState | null>): Promise<void> {
    const now = this.clock.now();
    const rows = keys.flatMap((k, i) => {
      const state = states[i];
      return state ? [{ userId: k.userId, ...state, applied: true, updatedAt: now }] : [];
    });
    await upsertRows(m, MonJpPerson, rows);
    const gone = keys.filter((_, i) => !states[i]);
    for (const year of new Set(gone.map((k) => k.year))) {
      await m.delete(MonJpPerson, { year, userId: In(gone.filter((k) => k.year === year).map((k) => k.userId)) });
    }
  }

  async write(m: EntityManager, { userId, year }: Key, state: JpState | null): Promise<void> {
    if (!state) {
      await m.delete(MonJpPerson, { year, userId });
      return;
    }
    await m.update(MonJpPerson, { year, userId }, { ...state, applied: true, updatedAt: this.clock.now() });
  }

  contribution(s: JpState): LeafContribution {
    const met = metTarget(s.attainedMonth);
    const counters = { people: 1, [jpBucketOf(s.jpTenths)]: 1, met_target: met ? 1 : 0, jp_tenths: s.jpTenths };
    const rows: LeafContribution['rows'] = [
      { table: 'mon_jp_node', key: { year: s.year, employee_type: s.employeeType, golongan: s.golongan }, counters },
    ];
    if (s.attainedMonth !== null) {
      rows.push({
        table: 'mon_jp_month_node',
        key: { year: s.year, month: s.attainedMonth },
        counters: { attained: 1 },
      });
    }
    return { regionCode: s.regionCode, unitId: s.unitId, rows };
  }

  /**
   * The ASN after `cursor` (by id), for every year already rolled up plus the current WIB
   * year: one ledger query for the batch, then only the leaves that changed are written; the
   * leaves of anyone in the id range who is no longer ASN are deleted.
   */
  async rebuildBatch(m: EntityManager, cursor: string | null): Promise<{ count: number; next: string | null }> {
    const years = await this.yearsToRebuild(m);
    const people = (await this.identity.asnPage({}, cursor, PEOPLE_PER_BATCH)).filter((p) => p.employeeType);
    const next = people.length === PEOPLE_PER_BATCH ? people[people.length - 1].id : null;
    const jp = people.length
      ? await this.learning.jpYearsOf(
          people.map((p) => ({ userId: p.id, employeeType: p.employeeType! })),
          years,
        )
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const now = this.clock.now();
    // As the increments make them: a leaf from the year the account was created on (the
    // daily job adds each new year), and one for any year with credits.
    const counted = jp.filter((j) => counts(byId.get(j.userId)!, j));
    const rows = counted.map((j) => ({
      userId: j.userId,
      ...stateOf(byId.get(j.userId)!, j),
      applied: true,
      updatedAt: now,
    }));
    // Stale: the leaves of people no longer ASN. An ASN's other leaves stay as they are.
    const asn = (s: Record<string, unknown>) => byId.has(String(s.user_id));
    await syncLeaves(m, MonJpPerson, keyRange('user_id', cursor, next), rows, (s) => !asn(s));
    return { count: rows.length, next };
  }

  /** Years already rolled up, and the current WIB year (so a new year starts with every ASN at 0 JP). */
  private async yearsToRebuild(m: EntityManager): Promise<number[]> {
    const rows: Array<{ year: number | string }> = await m.query('SELECT DISTINCT year FROM mon_jp_person');
    return [...new Set([...rows.map((r) => Number(r.year)), wibYearOf(this.clock.now())])].sort((a, b) => a - b);
  }
}

/** An ASN has a leaf from the year (WIB) their account was created, and in any year with credits. */
function counts(person: PersonFacts, jp: JpYear): boolean {
  return jp.year >= wibYearOf(person.createdAt) || jp.jpTenths !== 0;
}

function stateOf(person: PersonFacts, jp: JpYear): JpState {
  return {
    year: jp.year,
    regionCode: person.regionCode,
    unitId: person.unitId,
    employeeType: person.employeeType ?? '',
    golongan: person.golongan ?? '',
    jpTenths: jp.jpTenths,
    targetJp: jp.targetJp ?? 0,
    attainedMonth: jp.attainedMonth,
  };
}
