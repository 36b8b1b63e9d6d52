import { Clock } from '../../libs/common';
import {
  asUser,
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { CourseEvaluation, FollowUpSurvey } from '../../src/modules/development-plans/evaluation/entities';
import { In } from 'typeorm';
import { wibDay } from '../../src/modules/development-plans/evaluation/domain/follow-up-schedule';
import { FollowUpScan } from '../../src/modules/development-plans/evaluation/follow-up/follow-up-scan';
import { FollowUpScheduler } from '../../src/modules/development-plans/evaluation/follow-up/follow-up.scheduler';
import { User } from '../../src/modules/identity/entities';
import { EvaluationRequestJob } from '../../src/modules/development-plans/evaluation/jobs/evaluation-request.job';
import { Enrolment } from '../../src/modules/learning/entities';
import { CourseCompletedJob } from '../../src/modules/learning/jobs/course-completed.job';
import { Notification } from '../../src/modules/notifications/entities';

const DAY = 86_400_000;

/** Kirkpatrick L1 (reaction) and L3 (behaviour) through HTTP, the queue and the moved clock. */
describe(`evaluation: L1 questionnaire and L3 follow-up (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let unitId: string;
  let instructor: GivenUser;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74', 'training_unit')).id;
    instructor = await givenUser(t, { role: 'instructor', unitId });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    now = new Date('2026-03-02T03:00:00Z'); // 10:00 WIB
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterEach(() => jest.restoreAllMocks());

  const as = (who: GivenUser) => asUser(t, who);
  const learnerIn = (supervisor?: GivenUser) => givenUser(t, { unitId, supervisorId: supervisor?.user.id });
  const notificationsOf = (who: GivenUser, category: string) =>
    t.dataSource
      .getRepository(Notification)
      .find({ where: { recipientId: who.user.id, category: category as never }, order: { createdAt: 'ASC' } });

  async function complete(learner: GivenUser, course: { courseId: string; lessonIds: string[] }) {
    expect((await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`)).status).toBe(200);
    for (const id of course.lessonIds)
      expect((await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`)).status).toBe(
        200,
      );
    await t.drain();
    return t.dataSource
      .getRepository(Enrolment)
      .findOneByOrFail({ userId: learner.user.id, courseId: course.courseId });
  }

  it('opens exactly one questionnaire and one notice per completion, even when the completion job runs twice', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Pelayanan Prima' });
    const learner = await learnerIn();
    const enrolment = await complete(learner, course);
    await t.get(CourseCompletedJob).handle({ enrolmentId: enrolment.id });
    await t.get(EvaluationRequestJob).handle({ enrolmentId: enrolment.id });
    await t.get(EvaluationRequestJob).handle({ enrolmentId: enrolment.id });
    await t.drain();

    const rows = await t.dataSource.getRepository(CourseEvaluation).findBy({ enrolmentId: enrolment.id });
    expect(rows).toHaveLength(1);
    const notices = await notificationsOf(learner, 'course-evaluation-due');
    expect(notices.map((n) => n.link)).toEqual([`/survei/kursus/${rows[0].id}`]);
    const listed = await as(learner).get('/api/notifications');
    expect(listed.body.items.map((n: { title: string }) => n.title)).toContain('Bagaimana kursus "Pelayanan Prima"?');
    const pending = await as(learner).get('/api/evaluation/me/pending');
    expect(pending.body.courses.map((c: { id: string; courseTitle: string }) => [c.id, c.courseTitle])).toEqual([
      [rows[0].id, 'Pelayanan Prima'],
    ]);
  });

  it('takes one answer per enrolment: a second is a 409, a wrong one a 400 that writes nothing, another person’s a 404', async () => {
    const course = await givenPublishedCourse(t, instructor.auth);
    const learner = await learnerIn();
    const enrolment = await complete(learner, course);
    const { id } = await t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ enrolmentId: enrolment.id });
    const url = `/api/evaluation/course-evaluations/${id}/answer`;

    const wrong = await as(learner).post(url, { material: 6, delivery: 4, usefulness: 4, comment: 'x' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['material']);
    const tooLong = await as(learner).post(url, { material: 5, delivery: 4, usefulness: 4, comment: 'x'.repeat(1001) });
    expect(tooLong.status).toBe(400);
    expect((await t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ id })).answeredAt).toBeNull();

    const stranger = await learnerIn();
    expect((await as(stranger).post(url, { material: 1, delivery: 1, usefulness: 1 })).status).toBe(404);
    const first = await as(learner).post(url, { material: 5, delivery: 4, usefulness: 3, comment: ' <b>Bagus</b> ' });
    expect(first.status).toBe(204);
    const second = await as(learner).post(url, { material: 1, delivery: 1, usefulness: 1 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('PLANS.EVALUATION_ANSWERED');
    const row = await t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ id });
    expect([row.material, row.delivery, row.usefulness, row.comment]).toEqual([5, 4, 3, '<b>Bagus</b>']);
    expect((await as(learner).get('/api/evaluation/me/pending')).body.courses).toEqual([]);
  });

  it('keeps the first of two answers sent at once, and answers the other with a 409', async () => {
    const course = await givenPublishedCourse(t, instructor.auth);
    const learner = await learnerIn();
    const enrolment = await complete(learner, course);
    const { id } = await t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ enrolmentId: enrolment.id });
    const url = `/api/evaluation/course-evaluations/${id}/answer`;
    const statuses = await Promise.all([
      as(learner).post(url, { material: 5, delivery: 5, usefulness: 5 }),
      as(learner).post(url, { material: 1, delivery: 1, usefulness: 1 }),
    ]);
    expect(statuses.map((r) => r.status).sort()).toEqual([204, 409]);
    const row = await t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ id });
    const winner = statuses[0].status === 204 ? 5 : 1;
    expect([row.material, row.delivery, row.usefulness]).toEqual([winner, winner, winner]);
  });

  it('reports L1 per course and per instructor as computed by hand, to the course’s readers only', async () => {
    const teacher = await givenUser(t, { role: 'instructor', unitId });
    const courseA = await givenPublishedCourse(t, teacher.auth, { title: 'Etika Birokrasi' });
    const courseB = await givenPublishedCourse(t, teacher.auth, { title: 'Komunikasi Publik' });
    const answers = [
      [5, 4, 3, 'Materi jelas'],
      [4, 4, 5, null],
      [3, 2, 5, 'Contoh kurang'],
    ] as const;
    for (const [material, delivery, usefulness, comment] of answers) {
      const learner = await learnerIn();
      const e = await complete(learner, courseA);
      const { id } = await t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ enrolmentId: e.id });
      const body = { material, delivery, usefulness, ...(comment ? { comment } : {}) };
      expect((await as(learner).post(`/api/evaluation/course-evaluations/${id}/answer`, body)).status).toBe(204);
    }
    await complete(await learnerIn(), courseA); // completed, never answered
    const other = await learnerIn();
    const e = await complete(other, courseB);
    const { id } = await t.dataSource.getRepository(CourseEvaluation).findOneByOrFail({ enrolmentId: e.id });
    await as(other).post(`/api/evaluation/course-evaluations/${id}/answer`, {
      material: 5,
      delivery: 5,
      usefulness: 5,
    });

    const results = await as(teacher).get(`/api/evaluation/courses/${courseA.courseId}/results`);
    expect(results.status).toBe(200);
    const r = results.body.reaction;
    expect([r.requested, r.answered, r.responseRate, r.overallMean]).toEqual([4, 3, 75, 3.89]);
    expect(r.items.map((i: { item: string; mean: number }) => [i.item, i.mean])).toEqual([
      ['material', 4],
      ['delivery', 3.33],
      ['usefulness', 4.33],
    ]);
    expect(r.items[1].distribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 });
    expect(results.body.comments.map((c: { comment: string }) => c.comment).sort()).toEqual([
      'Contoh kurang',
      'Materi jelas',
    ]);

    // Across the instructor's two courses: material 5,4,3,5 → 4.25; five sent, four answered.
    const mine = await as(teacher).get(`/api/evaluation/instructors/${teacher.user.id}/results`);
    expect(mine.status).toBe(200);
    expect([mine.body.reaction.requested, mine.body.reaction.answered, mine.body.reaction.items[0].mean]).toEqual([
      5, 4, 4.25,
    ]);
    expect(mine.body.courses.map((c: { title: string }) => c.title).sort()).toEqual([
      'Etika Birokrasi',
      'Komunikasi Publik',
    ]);

    const tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36', unitId });
    const medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71')).id,
    });
    const national = await givenUser(t, { role: 'national_admin' });
    const url = `/api/evaluation/courses/${courseA.courseId}/results`;
    expect((await as(tangselAdmin).get(url)).body.reaction.answered).toBe(3);
    expect((await as(national).get(url)).body.reaction.answered).toBe(3);
    expect((await as(instructor).get(url)).status).toBe(404);
    expect((await as(medanAdmin).get(url)).status).toBe(404);
    expect((await as(instructor).get(`/api/evaluation/instructors/${teacher.user.id}/results`)).status).toBe(404);
    expect((await as(medanAdmin).get(`/api/evaluation/instructors/${teacher.user.id}/results`)).status).toBe(404);
    expect((await as(other).get(url)).status).toBe(403);
    const listed = await as(medanAdmin).get('/api/evaluation/courses');
    expect(listed.body.map((c: { courseId: string }) => c.courseId)).not.toContain(courseA.courseId);
  });

  it('sends the follow-up on day 90 to the learner and the supervisor, reminds weekly until answered, and expires it after 30 days', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Manajemen Arsip' });
    const supervisor = await givenUser(t, { role: 'supervisor', unitId });
    const learner = await learnerIn(supervisor);
    const completedAt = now;
    const enrolment = await complete(learner, course);
    const surveys = await t.dataSource.getRepository(FollowUpSurvey).findBy({ enrolmentId: enrolment.id });
    const byRole = Object.fromEntries(surveys.map((s) => [s.role, s]));
    expect(byRole.learner.dueAt.toISOString()).toBe(new Date(completedAt.getTime() + 90 * DAY).toISOString());
    expect(byRole.supervisor.respondentId).toBe(supervisor.user.id);

    const sends = async (who: GivenUser) => (await notificationsOf(who, 'follow-up-survey-due')).length;
    const scanOn = async (day: number) => {
      now = new Date(completedAt.getTime() + day * DAY);
      await t.get(FollowUpScheduler).enqueueToday();
      await t.drain();
    };
    await scanOn(89);
    expect([await sends(learner), await sends(supervisor)]).toEqual([0, 0]);
    expect((await as(learner).get(`/api/evaluation/follow-ups/${byRole.learner.id}`)).status).toBe(404);

    await scanOn(90);
    await scanOn(90); // a second scan the same day sends nothing more
    expect([await sends(learner), await sends(supervisor)]).toEqual([1, 1]);
    const [toSupervisor] = await notificationsOf(supervisor, 'follow-up-survey-due');
    expect(toSupervisor.link).toBe(`/survei/tindak-lanjut/${byRole.supervisor.id}`);
    const team = await as(supervisor).get('/api/evaluation/me/team');
    expect(team.body.open.map((f: { learnerName: string }) => f.learnerName)).toEqual([learner.user.name]);

    await scanOn(91);
    const answer = `/api/evaluation/follow-ups/${byRole.learner.id}/answer`;
    expect((await as(learner).post(answer, { applied: 'yes' })).status).toBe(400); // examples needed
    expect((await as(learner).post(answer, { applied: 'yes', examples: 'Arsip kini digital.' })).status).toBe(204);
    expect((await as(learner).post(answer, { applied: 'not_yet' })).status).toBe(409);
    expect((await as(supervisor).post(answer, { applied: 'not_yet' })).status).toBe(404);

    await scanOn(96);
    expect([await sends(learner), await sends(supervisor)]).toEqual([1, 1]);
    await scanOn(97);
    expect([await sends(learner), await sends(supervisor)]).toEqual([1, 2]);
    for (let day = 98; day <= 119; day++) await scanOn(day);
    expect(await sends(supervisor)).toBe(5); // day 90, then 97, 104, 111 and 118
    expect(
      (await t.dataSource.getRepository(FollowUpSurvey).findOneByOrFail({ id: byRole.supervisor.id })).status,
    ).toBe('sent');
    await scanOn(120);
    await scanOn(127);
    expect([await sends(learner), await sends(supervisor)]).toEqual([1, 5]);
    const late = await as(supervisor).post(`/api/evaluation/follow-ups/${byRole.supervisor.id}/answer`, {
      applied: 'partly',
      examples: 'Terlambat',
    });
    expect([late.status, late.body.code]).toEqual([409, 'PLANS.FOLLOW_UP_EXPIRED']);

    const results = await as(instructor).get(`/api/evaluation/courses/${course.courseId}/results`);
    expect(results.body.behaviour).toEqual([
      {
        role: 'learner',
        sent: 1,
        answered: 1,
        expired: 0,
        scheduled: 0,
        answeredPercent: 100,
        applied: { yes: 1, partly: 0, not_yet: 0 },
      },
      {
        role: 'supervisor',
        sent: 1,
        answered: 0,
        expired: 1,
        scheduled: 0,
        answeredPercent: 0,
        applied: { yes: 0, partly: 0, not_yet: 0 },
      },
    ]);
    expect(results.body.examples).toEqual([{ role: 'learner', applied: 'yes', examples: 'Arsip kini digital.' }]);
  });

  it('addresses the follow-up to the supervisor the learner has when it goes out, even one named after the completion', async () => {
    const course = await givenPublishedCourse(t, instructor.auth);
    const unsupervised = await learnerIn();
    const first = await givenUser(t, { role: 'supervisor', unitId });
    const moved = await learnerIn(first);
    const completedAt = now;
    const [e1, e2] = [await complete(unsupervised, course), await complete(moved, course)];
    expect(await t.dataSource.getRepository(FollowUpSurvey).countBy({ enrolmentId: e1.id, role: 'supervisor' })).toBe(
      0,
    );
    const later = await givenUser(t, { role: 'supervisor', unitId });
    await t.dataSource
      .getRepository(User)
      .update({ id: In([unsupervised.user.id, moved.user.id]) }, { supervisorId: later.user.id });

    now = new Date(completedAt.getTime() + 90 * DAY);
    await t.get(FollowUpScheduler).enqueueToday();
    await t.drain();
    await t.get(FollowUpScan).run(wibDay(now)); // again: nothing more
    await t.drain();
    const toLater = await notificationsOf(later, 'follow-up-survey-due');
    const surveys = await t.dataSource
      .getRepository(FollowUpSurvey)
      .findBy({ role: 'supervisor', enrolmentId: In([e1.id, e2.id]) });
    expect(surveys.map((s) => [s.respondentId, s.status])).toEqual([
      [later.user.id, 'sent'],
      [later.user.id, 'sent'],
    ]);
    expect(toLater.map((n) => n.link).sort()).toEqual(surveys.map((s) => `/survei/tindak-lanjut/${s.id}`).sort());
    expect(await notificationsOf(first, 'follow-up-survey-due')).toEqual([]);
  });

  it('schedules follow-ups by the national admin’s setting (default 90 days), for completions after the change', async () => {
    const national = await givenUser(t, { role: 'national_admin' });
    expect((await as(national).get('/api/evaluation/settings')).body).toEqual({ followUpDays: 90 });
    expect((await as(national).put('/api/evaluation/settings', { followUpDays: 10 })).status).toBe(400);
    expect((await as(instructor).put('/api/evaluation/settings', { followUpDays: 60 })).status).toBe(403);
    expect((await as(national).put('/api/evaluation/settings', { followUpDays: 60 })).body).toEqual({
      followUpDays: 60,
    });
    const course = await givenPublishedCourse(t, instructor.auth);
    const learner = await learnerIn();
    const e = await complete(learner, course);
    const [survey] = await t.dataSource.getRepository(FollowUpSurvey).findBy({ enrolmentId: e.id });
    expect(survey.dueAt.getTime() - e.completedAt!.getTime()).toBe(60 * DAY);
    await as(national).put('/api/evaluation/settings', { followUpDays: 90 });
  });
});
