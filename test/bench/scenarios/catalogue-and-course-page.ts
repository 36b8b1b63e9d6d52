import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { demoLogins } from '../../../src/demo/demo-seeder';
import { BENCH_PASSWORD } from '../bina-app';
import { seedCourses, seedEnrolments, seedLearners } from '../seed/learning-data';
import { startOneQueryBaseline } from '../query-baseline';
import type { Scenario } from '../scenario';

const COURSES = 2_000;
const LEARNERS = 100_000;
const ENROLLED_LEARNERS = 50_000;

/**
 * A learner searches the catalogue (by text, by competency) and opens the page of a course
 * they are in, with 2,000 published courses, 100,000 learners and 50,000 enrolments in the
 * database. The baseline is the same framework serving one primary-key query on the same
 * database, measured in the same run.
 */
export const catalogueAndCoursePage: Scenario = {
  name: 'catalogue-and-course-page',
  description: `GET /api/learning/catalogue (text, competency) and a course page over ${COURSES} courses and ${LEARNERS} learners, against one indexed query`,
  async run(ctx) {
    const db = ctx.bina.app.get<DataSource>(getDataSourceToken());
    const started = Date.now();
    const catalogue = await seedCourses(db, COURSES, 'bench');
    const learners = await seedLearners(db, LEARNERS);
    await seedEnrolments(db, learners.slice(0, ENROLLED_LEARNERS), catalogue);
    console.log(
      `bench: seeded ${COURSES} courses, ${LEARNERS} learners, ${ENROLLED_LEARNERS} enrolments in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const learner = demoLogins().find((l) => l.role === 'learner')!;
    const login = await fetch(`${ctx.bina.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: learner.username, password: BENCH_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login as ${learner.username} answered ${login.status}`);
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const get = async (path: string) => {
      const res = await fetch(`${ctx.bina.baseUrl}${path}`, { headers });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
      return res.json() as Promise<{ items: Array<{ id: string; enrolmentMode: string }>; total: number }>;
    };
    // The learner joins five self-enrol courses of their catalogue; the page measured is one of them.
    const open = (await get('/api/learning/catalogue?pageSize=50')).items.filter((c) => c.enrolmentMode === 'self');
    for (const course of open.slice(0, 5)) {
      const res = await fetch(`${ctx.bina.baseUrl}/api/learning/courses/${course.id}/enrolment`, {
        method: 'POST',
        headers,
      });
      if (res.status !== 200) throw new Error(`enrolment answered ${res.status}`);
    }
    const coursePath = `/api/learning/courses/${open[0].id}`;
    const textPath = '/api/learning/catalogue?q=Pelayanan&pageSize=20';
    const competencyPath = '/api/learning/catalogue?competency=M.05&pageSize=20';
    for (const path of [textPath, competencyPath]) {
      const page = await get(path);
      if (page.total === 0)
        throw new Error(`${path} found nothing: the seeded catalogue is not what the scenario expects`);
    }
    await get(coursePath);

    const oneQuery = await startOneQueryBaseline(db, catalogue.versionIds[0]);
    const baseline = await ctx.measure({ url: oneQuery.url });
    await oneQuery.close();
    const text = await ctx.measure({ url: `${ctx.bina.baseUrl}${textPath}`, headers });
    const competency = await ctx.measure({ url: `${ctx.bina.baseUrl}${competencyPath}`, headers });
    const page = await ctx.measure({ url: `${ctx.bina.baseUrl}${coursePath}`, headers });
    return [
      { metric: 'catalogue: text search', unit: 'req/s', value: text.rps, baseline: baseline.rps, measurement: text },
      {
        metric: 'catalogue: by competency',
        unit: 'req/s',
        value: competency.rps,
        baseline: baseline.rps,
        measurement: competency,
      },
      { metric: 'course page (enrolled)', unit: 'req/s', value: page.rps, baseline: baseline.rps, measurement: page },
    ];
  },
};
