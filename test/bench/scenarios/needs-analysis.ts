import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthUser } from '../../../libs/auth';
import { AgencyNeedsService } from '../../../src/modules/development-plans/needs/analysis/agency-needs.service';
import { NeedsRunsService } from '../../../src/modules/development-plans/needs/analysis/needs-runs.service';
import { NeedsRun } from '../../../src/modules/development-plans/needs/entities';
import { OrganisationApi } from '../../../src/modules/organisation/organisation.api';
import { CpuProfileSummary, startCpuProfile } from '../cpu-profile';
import type { Measurement } from '../load';
import type { Figure, Scenario } from '../scenario';
import { seedNeedsRegion } from '../seed/needs-data';

const DEFAULT_ASN = 50_000;
const log = (line: string) => console.log(`bench: needs-analysis ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The reference: one aggregate SQL statement over the same rows the analysis reads — each
 * person's evidence joined with their position's standard, gaps summed per competency.
 * (It ignores what the analysis adds: the highest evidence per competency, assessments,
 * SKP, target positions, priorities; it is the floor, not the same answer.)
 */
const AGGREGATE = `
  SELECT e.competency_code AS code, COUNT(DISTINCT u.id) AS people,
         AVG(CASE WHEN pc.required_level > e.level THEN pc.required_level - e.level ELSE 0 END) AS mean_gap
  FROM user_account u
  JOIN position_competency pc ON pc.position_id = u.position_id
  JOIN competency_evidence e ON e.user_id = u.id AND e.competency_code = pc.competency_code
  WHERE u.region_code = ? AND u.active = ? AND u.nip IS NOT NULL
  GROUP BY e.competency_code`;

function printCpuProfile(summary: CpuProfileSummary): void {
  const pct = (x: { name: string; share: number }) => `${x.name} ${(x.share * 100).toFixed(1)}%`;
  log(`CPU profile ${summary.file} (${summary.totalMs} ms sampled; profiling slows the app)`);
  log(`  self time by package: ${summary.byPackage.map(pct).join(', ')}`);
  log(`  top functions: ${summary.byFunction.map(pct).join(', ')}`);
}

function measurement(seconds: number, ok: number): Measurement {
  return {
    rps: ok / seconds,
    ok,
    failed: 0,
    latencyP50Ms: 0,
    latencyP99Ms: 0,
    durationSec: Number(seconds.toFixed(3)),
    connections: 1,
    statusCodes: {},
  };
}

/**
 * A needs analysis of a region of 50,000 ASN (BENCH_NEEDS_ASN to scale) through the real
 * path — start → outbox → development queue → batches of 500 → gap rows — timed beside a
 * single aggregate SQL query over the same rows in the same run.
 */
export const needsAnalysis: Scenario = {
  name: 'needs-analysis',
  description: 'needs analysis of a 50,000-ASN region through the job path vs one aggregate SQL query',
  async run(ctx) {
    const { app } = ctx.bina;
    const count = Number(process.env.BENCH_NEEDS_ASN ?? DEFAULT_ASN);
    const db = app.get<DataSource>(getDataSourceToken());
    const seedStart = performance.now();
    const region = await seedNeedsRegion(db, app.get(OrganisationApi), count);
    log(
      `seeded ${count} ASN and ${region.evidence} evidence rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const queryTimes: number[] = [];
    let aggregateRows = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const rows: unknown[] = await db.query(AGGREGATE, [region.regionCode, 1]);
      queryTimes.push((performance.now() - started) / 1000);
      aggregateRows = rows.length;
    }
    const querySeconds = Math.min(...queryTimes);
    log(`aggregate SQL: ${aggregateRows} competencies in ${(querySeconds * 1000).toFixed(0)} ms (best of 3)`);

    const admin: AuthUser = {
      id: '00000000-0000-4000-8000-000000000000',
      role: 'national_admin',
      scopeRegionCode: null,
      locale: 'id',
    };
    const profile = process.env.BENCH_NEEDS_CPU_PROFILE === '1' ? await startCpuProfile() : null;
    const started = performance.now();
    const run = await app.get(NeedsRunsService).start(admin, { kind: 'national' }, { regionCode: region.regionCode });
    const deadline = Date.now() + 60 * 60_000;
    let current = await db.getRepository(NeedsRun).findOneByOrFail({ id: run.id });
    while (current.status !== 'done') {
      if (current.status === 'failed') throw new Error(`needs run failed: ${current.error}`);
      if (Date.now() > deadline) throw new Error(`needs run not done after 60 minutes (${current.processed} people)`);
      await sleep(200);
      current = await db.getRepository(NeedsRun).findOneByOrFail({ id: run.id });
    }
    const runSeconds = (performance.now() - started) / 1000;
    if (profile) printCpuProfile(await profile.stop('needs-analysis-run'));
    log(
      `run: ${current.processed} people, ${current.gapRows} gap rows in ${runSeconds.toFixed(1)} s (${Math.round(current.processed / runSeconds)} people/s)`,
    );

    const viewStarted = performance.now();
    const view = await app.get(AgencyNeedsService).view({ kind: 'national' }, { regionCode: region.regionCode });
    const viewSeconds = (performance.now() - viewStarted) / 1000;
    log(
      `agency view over the gap rows: ${view.needs.length} needs, ${view.units.length} units in ${(viewSeconds * 1000).toFixed(0)} ms`,
    );

    const figures: Figure[] = [
      {
        metric: `needs analysis of ${count} ASN (job path, batches of 500) vs one aggregate SQL over the same rows`,
        unit: 's',
        value: runSeconds,
        baseline: querySeconds,
        measurement: measurement(runSeconds, current.processed),
      },
      {
        metric: `agency view from the ${current.gapRows} gap rows vs the same aggregate SQL over the source rows`,
        unit: 's',
        value: viewSeconds,
        baseline: querySeconds,
        measurement: measurement(viewSeconds, 1),
      },
    ];
    return figures;
  },
};
