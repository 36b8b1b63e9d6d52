import type { DataSource } from 'typeorm';
import { isMysqlFamily } from '../../../../libs/database';
import { PeopleCounts, PeopleGenerator, PeopleTables, peopleTables, writePeople } from './people';
import { seedReference } from './reference';

export interface NationalOptions {
  learners: number;
  seed: number;
  /** The moment the data set is generated for (enrolment ages, deadlines, plan years). */
  now?: Date;
  log?: (line: string) => void;
}

export interface NationalCounts extends PeopleCounts {
  regions: number;
  units: number;
  courses: number;
  seconds: number;
}

/** People per transaction: a few thousand keeps each commit large and the memory small. */
const CHUNK = 2_000;
const SLICE = 200;

/** Marks a database that already holds a national data set (the first province's BPSDM). */
export const NATIONAL_MARKER_UNIT = 'N-BPSDM-11';

export async function hasNationalData(db: DataSource): Promise<number> {
  const rows: Array<{ n: number | string }> = await db.query(
    "SELECT COUNT(*) AS n FROM user_account WHERE unit_id IN (SELECT id FROM unit WHERE code LIKE 'N-%')",
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Writes a synthetic national data set straight into the source tables with multi-row
 * INSERTs, as the modules would have written it (every row with its region_code and unit_id).
 * It bypasses the modules' services on purpose: it is a generator of millions of rows, not a
 * client; the monitoring rebuild then derives the rollups from these rows like from real ones.
 */
export async function seedNational(db: DataSource, opts: NationalOptions): Promise<NationalCounts> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const now = opts.now ?? new Date();
  if (opts.learners > 9_999_999) throw new Error('at most 9,999,999 learners (the NIP holds the index in 7 digits)');
  const marker: unknown[] = await db.query('SELECT id FROM unit WHERE code = ?', [NATIONAL_MARKER_UNIT]);
  if (marker.length) {
    throw new Error('this database already holds a national data set: use --reset (or another database)');
  }
  const ref = await db.transaction((m) => seedReference(m, opts.seed, now));
  log(`reference: ${ref.regions} regions, ${ref.units.length} units, ${ref.courses.length} courses`);
  const counts: PeopleCounts = { learners: 0, enrolments: 0, ledger: 0, evidence: 0, plans: 0, evaluations: 0 };
  const generator = new PeopleGenerator(ref, opts.seed, now);
  const mysql = isMysqlFamily(db);
  // Builds the next chunk in slices while the database writes the previous one (two cores).
  const build = async (from: number): Promise<PeopleTables> => {
    const tables = peopleTables();
    const to = Math.min(opts.learners, from + CHUNK);
    for (let at = from; at < to; at += SLICE) {
      generator.generate(tables, at, Math.min(to, at + SLICE), counts);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return tables;
  };
  let lastLog = performance.now();
  let next: Promise<PeopleTables> | null = build(0);
  for (let from = 0; next; from += CHUNK) {
    const tables: PeopleTables = await next;
    next = from + CHUNK < opts.learners ? build(from + CHUNK) : null;
    await db.transaction(async (m) => {
      // The generator's keys are unique by construction: InnoDB may buffer the unique indexes.
      if (mysql) await m.query('SET SESSION unique_checks = 0');
      await writePeople(m, tables);
      if (mysql) await m.query('SET SESSION unique_checks = 1');
    });
    if (performance.now() - lastLog > 10_000 || !next) {
      lastLog = performance.now();
      const s = (lastLog - started) / 1000;
      const done = Math.min(opts.learners, from + CHUNK);
      log(`${done} learners written in ${s.toFixed(0)} s (${Math.round(done / s)} learners/s)`);
    }
  }
  return {
    ...counts,
    regions: ref.regions,
    units: ref.units.length,
    courses: ref.courses.length,
    seconds: (performance.now() - started) / 1000,
  };
}
