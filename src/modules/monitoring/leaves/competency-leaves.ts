import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { IdentityApi, PersonFacts } from '../../identity/identity.api';
import { BestLevel, LearningApi } from '../../learning/learning.api';
import { OrganisationApi } from '../../organisation/organisation.api';
import { MonCompetencyPerson } from '../entities';
import { LeafContribution, LeafKind } from '../rollups/leaf-kind';
import { LeafKeys } from '../rollups/leaf-kinds';
import { RebuildableLeaves } from '../rollups/rebuildable';
import { forUpdate } from '../rollups/rollup-lock';
import { CompetencyLevels, countMet, coverageOf, isMet } from './competency/coverage';
import { COMPETENCY_NODE_SOURCES } from './competency/competency-nodes';
import { insertIgnore } from './leaf-rows';
import { keyRange, syncLeaves } from './leaf-sync';

type Key = LeafKeys['competency'];

/** One ASN against the standard of their position, placed where they work. */
export interface CompetencyState {
  regionCode: string | null;
  unitId: string | null;
  positionId: string;
  /** Only the competencies the position requires: [required, best reached]. */
  levels: CompetencyLevels;
}

type Standard = Array<{ competencyCode: string; requiredLevel: number }>;

/** People per rebuild batch (and per lock): a few tenths of a second at 50,000 ASN on MariaDB. */
const PEOPLE_PER_BATCH = 2000;

/**
 * The 'competency' leaves (mon_competency_person, key {userId}): an ASN whose position
 * requires competencies counts once per required competency, and as met where their best
 * evidence reaches the required level. Nobody else has a leaf.
 */
@Injectable()
export class CompetencyLeaves implements LeafKind<Key, CompetencyState>, RebuildableLeaves {
  readonly name = 'competency';
  readonly nodeSources = COMPETENCY_NODE_SOURCES;

  constructor(
    private readonly identity: IdentityApi,
    private readonly organisation: OrganisationApi,
    private readonly learning: LearningApi,
    private readonly clock: Clock,
  ) {}

  claim(m: EntityManager, { userId }: Key): Promise<void> {
    return insertIgnore(m, MonCompetencyPerson, [{ userId, applied: false, updatedAt: this.clock.now() }]);
  }

  async readLocked(m: EntityManager, { userId }: Key): Promise<CompetencyState | null> {
    const [row] = await m.query(
      `SELECT region_code, unit_id, position_id, levels, applied FROM mon_competency_person WHERE user_id = ?${forUpdate(m)}`,
      [userId],
    );
    if (!row || Number(row.applied) !== 1 || !row.levels) return null;
    return {
      regionCode: row.region_code,
      unitId: row.unit_id,
      positionId: row.position_id,
      levels: JSON.parse(row.levels) as CompetencyLevels,
    };
  }

  async compute(_m: EntityManager, { userId }: Key): Promise<CompetencyState | null> {
    const [person] = await this.identity.asnFactsOf([userId]);
    if (!person?.positionId) return null;
    const standards = await this.organisation.standardsOf([person.positionId]);
    const best = await this.learning.bestEvidenceLevelsOf([userId]);
    return stateOf(person, standards.get(person.positionId) ?? [], best);
  }

  /** Many people: one facts, one standards and one evidence query. */
  async computeMany(_m: EntityManager, keys: Key[]): Promise<Array<CompetencyState | null>> {
    const people = new Map((await this.identity.asnFactsOf(keys.map((k) => k.userId))).map((p) => [p.id, p]));
    const positionIds = [...people.values()].flatMap((p) => (p.positionId ? [p.positionId] : []));
    const standards = positionIds.length
      ? await this.organisation.standardsOf(positionIds)
      : new Map<string, Standard>();
    const counted = keys.filter((k) => {
      const positionId = people.get(k.userId)?.positionId;
      return positionId && standards.get(positionId)?.length;
    });
    const best = byPerson(await this.learning.bestEvidenceLevelsOf(counted.map((k) => k.userId)));
    return keys.map((k) => {
      const person = people.get(k.userId);
      if (!person?.positionId) return null;
      return stateOf(person, standards.get(person.positionId) ?? [], best.get(k.userId) ?? []);
    });
  }

  async write(m: EntityManager, { userId }: Key, state: CompetencyState | null): Promise<void> {
    if (!state) {
      await m.delete(MonCompetencyPerson, { userId });
      return;
    }
    await m.update(MonCompetencyPerson, { userId }, this.rowOf(state));
  }

  contribution(s: CompetencyState): LeafContribution {
    return {
      regionCode: s.regionCode,
      unitId: s.unitId,
      rows: Object.entries(s.levels).map(([code, pair]) => ({
        table: 'mon_competency_node' as const,
        key: { competency_code: code },
        counters: { required: 1, met: isMet(pair) ? 1 : 0 },
      })),
    };
  }

  /** The ASN after `cursor`: one standards and one best-levels query (their id range); changed leaves written. */
  async rebuildBatch(m: EntityManager, cursor: string | null): Promise<{ count: number; next: string | null }> {
    const people = await this.identity.asnPage({}, cursor, PEOPLE_PER_BATCH);
    const next = people.length === PEOPLE_PER_BATCH ? people[people.length - 1].id : null;
    const positionIds = people.flatMap((p) => (p.positionId ? [p.positionId] : []));
    const standards = positionIds.length
      ? await this.organisation.standardsOf(positionIds)
      : new Map<string, Standard>();
    const counted = people.filter((p) => p.positionId && standards.get(p.positionId)?.length);
    const best = byPerson(counted.length ? await this.learning.bestEvidenceLevelsBetween(cursor, next) : []);
    const now = this.clock.now();
    const rows = counted.map((p) => ({
      userId: p.id,
      ...this.rowOf(stateOf(p, standards.get(p.positionId!)!, best.get(p.id) ?? [])!, now),
    }));
    // The leaves of anyone else in the id range (no longer ASN or counted) are deleted.
    await syncLeaves(m, MonCompetencyPerson, keyRange('user_id', cursor, next), rows);
    return { count: rows.length, next };
  }

  private rowOf(s: CompetencyState, now = this.clock.now()) {
    return {
      applied: true,
      regionCode: s.regionCode,
      unitId: s.unitId,
      positionId: s.positionId,
      levels: JSON.stringify(s.levels),
      required: Object.keys(s.levels).length,
      met: countMet(s.levels),
      updatedAt: now,
    };
  }
}

/** Best levels by person. */
function byPerson(levels: BestLevel[]): Map<string, BestLevel[]> {
  const out = new Map<string, BestLevel[]>();
  for (const b of levels) {
    const list = out.get(b.userId);
    if (list) list.push(b);
    else out.set(b.userId, [b]);
  }
  return out;
}

/** Null when the position requires nothing (the person then counts nowhere). */
function stateOf(
  person: PersonFacts,
  standard: Standard,
  evidence: Array<{ competencyCode: string; level: number }>,
): CompetencyState | null {
  if (!person.positionId || standard.length === 0) return null;
  return {
    regionCode: person.regionCode,
    unitId: person.unitId,
    positionId: person.positionId,
    levels: coverageOf(standard, evidence),
  };
}
