import { Clock } from '../../libs/common';
import {
  createTestApp,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
} from '../../libs/testing';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { AssignmentRunner } from '../../src/modules/learning/assignments/assignment-runner';
import { Enrolment } from '../../src/modules/learning/entities';

describe('learning: unit admins assign courses through a queued, resumable job', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let medanAdmin: GivenUser;
  let belawanUnitId: string;
  let medanUnitId: string;
  let gorontaloUnitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    instructor = await givenUser(t, { role: 'instructor', unitId: (await givenUnit(t, '36.74')).id });
    medanUnitId = (await givenUnit(t, '12.71')).id;
    belawanUnitId = (await givenUnit(t, '12.71.08')).id;
    gorontaloUnitId = (await givenUnit(t, '75.71')).id;
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: medanUnitId });
  });
  afterAll(() => t.close());

  const assign = (body: object, who = medanAdmin) =>
    t.http().post('/api/learning/assignments').set('authorization', who.auth).send(body);
  const status = (id: string, who = medanAdmin) =>
    t.http().get(`/api/learning/assignments/${id}`).set('authorization', who.auth);

  it('enrols everyone a filter selects, reports the counts, and does not duplicate when run twice', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      enrolmentMode: 'assigned',
      audience: { everyone: false, regions: ['12'] },
    });
    const people = await Promise.all([1, 2, 3].map(() => givenUser(t, { unitId: belawanUnitId })));
    const created = await assign({
      courseId: course.courseId,
      filter: { unitId: belawanUnitId },
      deadline: '2027-03-31',
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'queued', enrolled: 0 });
    await t.drain();
    expect((await status(created.body.id)).body).toMatchObject({
      status: 'done',
      enrolled: 3,
      alreadyEnrolled: 0,
      outOfScope: 0,
    });

    const again = await assign({ courseId: course.courseId, filter: { unitId: belawanUnitId } });
    await t.drain();
    expect((await status(again.body.id)).body).toMatchObject({ status: 'done', enrolled: 0, alreadyEnrolled: 3 });
    expect(await t.dataSource.getRepository(Enrolment).countBy({ courseId: course.courseId })).toBe(3);

    // The assigned learner now sees it, as assigned to them, with the deadline on their home page.
    const learner = people[0];
    const mine = await t.http().get('/api/learning/catalogue?assigned=true').set('authorization', learner.auth);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: course.courseId, assignedToMe: true })]);
    const home = await t.http().get('/api/learning/home').set('authorization', learner.auth);
    expect(home.body.assigned).toEqual([
      expect.objectContaining({ courseId: course.courseId, deadline: '2027-03-31T00:00:00.000Z', percent: 0 }),
    ]);

    // The deadline is a day in WIB: on 31 March it is not overdue yet, whatever the hour.
    const clock = jest.spyOn(t.get(Clock), 'now');
    const overdueAt = async (iso: string) => {
      clock.mockReturnValue(new Date(iso));
      return (await t.http().get('/api/learning/home').set('authorization', learner.auth)).body.assigned[0].overdue;
    };
    expect(await overdueAt('2027-03-31T16:59:00.000Z')).toBe(false); // 23:59 WIB on the 31st
    expect(await overdueAt('2027-03-31T17:00:00.000Z')).toBe(true); // 00:00 WIB on 1 April
    clock.mockRestore();
  });

  it('refuses a deadline already past, and asks for one when the course deadline has passed', async () => {
    const lapsed = await givenPublishedCourse(t, instructor.auth, {
      enrolmentMode: 'assigned',
      audience: { everyone: false, regions: ['12'] },
      deadline: '2020-06-30',
    });
    const past = await assign({ courseId: lapsed.courseId, filter: { unitId: belawanUnitId }, deadline: '2020-12-31' });
    expect(past.status).toBe(422);
    expect(past.body.details.fields).toEqual([expect.objectContaining({ field: 'deadline', rule: 'not_past' })]);
    const none = await assign({ courseId: lapsed.courseId, filter: { unitId: belawanUnitId } });
    expect(none.status).toBe(422);
    expect(none.body.details.fields[0].message).toContain('2020-06-30');
    const fresh = await assign({
      courseId: lapsed.courseId,
      filter: { unitId: belawanUnitId },
      deadline: '2099-12-31',
    });
    expect(fresh.status).toBe(202);
  });

  it('settles a pending request on the terms of the assignment: its deadline, counted as enrolled by it', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, {
      enrolmentMode: 'approval',
      audience: { everyone: false, regions: ['12'] },
    });
    const learner = await givenUser(t, { unitId: belawanUnitId });
    const asked = await t
      .http()
      .post(`/api/learning/courses/${course.courseId}/enrolment`)
      .set('authorization', learner.auth);
    expect(asked.body.status).toBe('requested');

    const created = await assign({ courseId: course.courseId, nips: [learner.user.nip], deadline: '2027-03-31' });
    await t.drain();
    expect((await status(created.body.id)).body).toMatchObject({ status: 'done', enrolled: 1, alreadyEnrolled: 0 });
    const home = await t.http().get('/api/learning/home').set('authorization', learner.auth);
    expect(home.body.assigned).toEqual([
      expect.objectContaining({ courseId: course.courseId, status: 'active', deadline: '2027-03-31T00:00:00.000Z' }),
    ]);
  });

  it('assigns from a CSV of NIPs and counts who is out of scope or unknown', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { enrolmentMode: 'assigned' });
    const inMedan = await givenUser(t, { unitId: medanUnitId });
    const inGorontalo = await givenUser(t, { unitId: gorontaloUnitId });
    const csv = ['NIP;Nama', `${inMedan.user.nip};A`, `${inGorontalo.user.nip};B`, '199912312099121001;tidak ada'].join(
      '\n',
    );
    const res = await t
      .http()
      .post('/api/learning/assignments/csv')
      .set('authorization', medanAdmin.auth)
      .field('courseId', course.courseId)
      .attach('file', Buffer.from(csv), { filename: 'peserta.csv', contentType: 'text/csv' });
    expect(res.status).toBe(202);
    await t.drain();
    expect((await status(res.body.id)).body).toMatchObject({
      status: 'done',
      nipCount: 3,
      enrolled: 1,
      outOfScope: 1,
      notFound: 1,
    });
  });

  it('refuses a course whose audience does not reach the admin’s region, and a region outside it (422)', async () => {
    const gorontaloOnly = await givenPublishedCourse(t, instructor.auth, {
      audience: { everyone: false, regions: ['75.71'] },
    });
    const course = await assign({ courseId: gorontaloOnly.courseId, filter: {} });
    expect(course.status).toBe(422);
    expect(course.body.code).toBe('LEARNING.COURSE_OUT_OF_SCOPE');
    const open = await givenPublishedCourse(t, instructor.auth);
    const region = await assign({ courseId: open.courseId, filter: { regionCode: '75.71' } });
    expect(region.status).toBe(422);
    expect(region.body.details.fields).toEqual([
      expect.objectContaining({ field: 'filter.regionCode', rule: 'in_scope' }),
    ]);
    const both = await assign({ courseId: open.courseId, filter: {}, nips: ['199001012015031001'] });
    expect(both.status).toBe(400);
    expect(both.body.details.fields).toEqual([expect.objectContaining({ field: 'filter', rule: 'one_of' })]);
    const learner = await givenUser(t, { unitId: medanUnitId });
    expect((await assign({ courseId: open.courseId, filter: {} }, learner)).status).toBe(403);
  });

  it('finishes the rest when run again after a failure half way, counting each person once', async () => {
    const course = await givenPublishedCourse(t, instructor.auth, { enrolmentMode: 'assigned' });
    const unit = await givenUnit(t, '12.71');
    await Promise.all([1, 2, 3, 4, 5].map(() => givenUser(t, { unitId: unit.id })));
    const identity = t.get(IdentityApi);
    const runner = t.get(AssignmentRunner);
    // The queued run is swallowed (as by a worker that died): the test drives the runner itself.
    jest.spyOn(runner, 'run').mockResolvedValueOnce(undefined);
    const created = await assign({ courseId: course.courseId, filter: { unitId: unit.id } });
    await t.drain();

    // Two batches of two go through, then the database "fails".
    const real = identity.peoplePage.bind(identity);
    let calls = 0;
    const flaky = jest.spyOn(identity, 'peoplePage').mockImplementation(async (...args) => {
      if (++calls === 3) throw new Error('connection lost');
      return real(...args);
    });
    await expect(runner.run(created.body.id, 2)).rejects.toThrow('connection lost');
    expect((await status(created.body.id)).body).toMatchObject({ status: 'running', enrolled: 4 });
    flaky.mockRestore();

    const rerun = await t
      .http()
      .post(`/api/learning/assignments/${created.body.id}/run`)
      .set('authorization', medanAdmin.auth);
    expect(rerun.status).toBe(409); // it is "running", not failed: the admin cannot start a second run
    await runner.fail(created.body.id, 'connection lost');
    expect(
      (await t.http().post(`/api/learning/assignments/${created.body.id}/run`).set('authorization', medanAdmin.auth))
        .status,
    ).toBe(202);
    await t.drain();
    expect((await status(created.body.id)).body).toMatchObject({ status: 'done', enrolled: 5, alreadyEnrolled: 0 });
    expect(await t.dataSource.getRepository(Enrolment).countBy({ courseId: course.courseId })).toBe(5);
  });

  it('hides one region’s assignments from another region’s admin (404)', async () => {
    const course = await givenPublishedCourse(t, instructor.auth);
    const created = await assign({ courseId: course.courseId, filter: {} });
    const gorontaloAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '75.71',
      unitId: gorontaloUnitId,
    });
    expect((await status(created.body.id, gorontaloAdmin)).status).toBe(404);
    await t.drain();
  });
});
