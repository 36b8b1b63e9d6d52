import { Clock } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
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
import { startSmtpServer, TestSmtpServer } from '../../libs/testing/smtp';
import { DigestScheduler } from '../../src/modules/notifications/delivery/digest.scheduler';
import { DigestService } from '../../src/modules/notifications/delivery/digest.service';
import { MailDispatch } from '../../src/modules/notifications/delivery/mail-dispatch';
import { Notification } from '../../src/modules/notifications/entities';
import { NotificationEvent, NotificationsApi } from '../../src/modules/notifications/notifications.api';
import { DeadlineRemindersService } from '../../src/modules/notifications/reminders/deadline-reminders.service';
import { DeadlineScheduler } from '../../src/modules/notifications/reminders/deadline.scheduler';

/** An instant given as a WIB wall-clock time. */
const wib = (day: string, clock: string) => new Date(`${day}T${clock}:00+07:00`);
let serial = 0;

/**
 * Notifications end to end against a real SMTP server: the in-app list, preferences, the
 * daily digest, quiet hours, the unsubscribe link and the producers (assignments, deadlines).
 * Time is the app's Clock, moved by the tests.
 */
describe(`notifications (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let now: Date;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://bina.test' });
    await givenRegions(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    now = wib('2026-03-02', '10:00');
    jest.spyOn(t.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterEach(() => jest.restoreAllMocks());

  const person = async (options: Parameters<typeof givenUser>[1] = {}) => givenUser(t, options);
  const as = (who: GivenUser) => asUser(t, who);
  const mailsTo = (who: GivenUser) => smtp.to(who.user.email!);
  const rowsOf = (who: GivenUser) =>
    t.dataSource.getRepository(Notification).find({ where: { recipientId: who.user.id }, order: { createdAt: 'ASC' } });
  const notify = (recipients: GivenUser[], event: Partial<NotificationEvent> = {}) =>
    t.get(TransactionRunner).run((m) =>
      t.get(NotificationsApi).notify(m, {
        category: 'course-assigned',
        eventKey: `test:${++serial}`,
        recipientIds: recipients.map((r) => r.user.id),
        params: { course: `Kursus ${serial}` },
        link: `/kursus/${serial}`,
        ...event,
      }),
    );
  /** Moves the app's clock and runs whatever became due. */
  const at = async (instant: Date) => {
    now = instant;
    await t.drain();
  };

  it('lists a person’s notifications newest first, counts the unread, and marks one and then all read', async () => {
    const reader = await person();
    for (const [clock, course] of [
      ['09:00', 'Etika ASN'],
      ['09:30', 'Pelayanan Publik Prima'],
      ['09:45', 'Manajemen ASN'],
    ]) {
      now = wib('2026-03-02', clock);
      await notify([reader], { params: { course } });
    }
    await t.drain();
    const list = await as(reader).get('/api/notifications?pageSize=2');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 3, totalPages: 2, page: 1 });
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual([
      'Anda ditugaskan mengikuti kursus "Manajemen ASN"',
      'Anda ditugaskan mengikuti kursus "Pelayanan Publik Prima"',
    ]);
    expect(list.body.items[0]).toMatchObject({ category: 'course-assigned', readAt: null, action: 'Buka kursus' });
    expect((await as(reader).get('/api/notifications/unread-count')).body).toEqual({ unread: 3 });

    const read = await as(reader).post(`/api/notifications/${list.body.items[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.link).toMatch(/^\/kursus\//);
    expect((await as(reader).get('/api/notifications/unread-count')).body).toEqual({ unread: 2 });
    expect((await as(reader).get('/api/notifications?unread=true')).body.total).toBe(2);

    expect((await as(reader).post('/api/notifications/read-all')).body).toEqual({ marked: 2 });
    expect((await as(reader).get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  it('answers 404 to someone marking another person’s notification read, and changes nothing', async () => {
    const owner = await person();
    const other = await person();
    await notify([owner]);
    const [row] = await rowsOf(owner);
    const res = await as(other).post(`/api/notifications/${row.id}/read`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOTIFICATIONS.NOTIFICATION_NOT_FOUND');
    expect((await as(owner).get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
    expect((await as(other).post('/api/notifications/not-an-id/read')).status).toBe(400);
  });

  it('notifies a person once per event key, however often the producer repeats it', async () => {
    const reader = await person();
    await notify([reader], { eventKey: 'quiz-graded:attempt-x:1', category: 'quiz-graded' });
    await notify([reader, reader], { eventKey: 'quiz-graded:attempt-x:1', category: 'quiz-graded' });
    await t.drain();
    expect(await rowsOf(reader)).toHaveLength(1);
  });

  it('gathers non-urgent notifications into one daily digest that lists them all, after the digest job runs', async () => {
    const reader = await person();
    const sleeper = await person();
    expect(
      (await as(sleeper).put('/api/notifications/preferences', { quietHours: { start: '06:00', end: '09:00' } }))
        .status,
    ).toBe(200);
    await notify([reader, sleeper], { params: { course: 'Etika ASN' } });
    await notify([reader], { params: { course: 'Pelayanan <Publik> Prima' } });
    await notify([reader], { category: 'quiz-graded', params: { quiz: 'Kuis Akhir', percent: 85, passed: 1 } });
    await t.drain();
    expect(mailsTo(reader)).toHaveLength(0);
    expect((await rowsOf(reader)).map((r) => r.emailStatus)).toEqual(['digest', 'digest', 'digest']);

    // The next morning at the digest hour (07:00 WIB): one e-mail with all three.
    now = wib('2026-03-03', '07:00');
    await t.get(DigestScheduler).enqueueToday();
    await t.drain();
    expect(mailsTo(reader)).toHaveLength(1);
    const digest = mailsTo(reader)[0];
    expect(digest.subject).toBe('Ringkasan harian Bina: 3 pemberitahuan');
    expect(digest.text).toContain('== Penugasan kursus ==');
    expect(digest.text).toContain('Anda ditugaskan mengikuti kursus "Etika ASN"');
    expect(digest.text).toContain('Anda ditugaskan mengikuti kursus "Pelayanan <Publik> Prima"');
    expect(digest.text).toContain('== Nilai kuis ==');
    expect(digest.html).toContain('Pelayanan &lt;Publik&gt; Prima');
    expect(digest.header('list-unsubscribe')).toMatch(/^<http:\/\/bina\.test\/api\/notifications\/unsubscribe\//);
    expect((await rowsOf(reader)).every((r) => r.emailStatus === 'sent')).toBe(true);
    // Someone whose quiet hours hold the digest hour gets it when they end.
    expect(mailsTo(sleeper)).toHaveLength(0);
    await at(wib('2026-03-03', '09:00'));
    expect(mailsTo(sleeper)).toHaveLength(1);

    // The run again (a second worker, a replay): nothing more.
    await t.get(DigestService).start('2026-03-03');
    await t.get(DigestService).send(reader.user.id, '2026-03-03');
    await t.drain();
    expect(mailsTo(reader)).toHaveLength(1);
  });

  it("sends the next day what a failed day's digest held, so a mail outage delays items and loses none", async () => {
    const reader = await person();
    await notify([reader], { params: { course: 'Etika ASN' } });
    await t.drain();
    // The day's digest job fails for good (the mail server stayed away through every retry).
    now = wib('2026-03-03', '07:00');
    const down = jest.spyOn(t.get(MailDispatch), 'send').mockRejectedValue(new Error('connect ECONNREFUSED'));
    await expect(t.get(DigestService).send(reader.user.id, '2026-03-03')).rejects.toThrow('ECONNREFUSED');
    down.mockRestore();
    expect(mailsTo(reader)).toHaveLength(0);

    await notify([reader], { params: { course: 'Pelayanan Publik Prima' } });
    await t.drain();
    now = wib('2026-03-04', '07:00');
    await t.get(DigestScheduler).enqueueToday();
    await t.drain();
    expect(mailsTo(reader)).toHaveLength(1);
    expect(mailsTo(reader)[0].subject).toBe('Ringkasan harian Bina: 2 pemberitahuan');
    expect(mailsTo(reader)[0].text).toContain('"Etika ASN"');
    expect((await rowsOf(reader)).every((r) => r.emailStatus === 'sent')).toBe(true);
  });

  it('delays an urgent e-mail that falls in quiet hours until they end, and does not drop it', async () => {
    const learner = await person();
    now = wib('2026-03-02', '22:00');
    await notify([learner], { category: 'plan-returned', params: { year: 2026, reason: 'Lengkapi target JP' } });
    await t.drain();
    expect(mailsTo(learner)).toHaveLength(0);
    expect((await rowsOf(learner))[0].emailStatus).toBe('queued');
    await at(wib('2026-03-03', '05:59'));
    expect(mailsTo(learner)).toHaveLength(0);
    await at(wib('2026-03-03', '06:00'));
    expect(mailsTo(learner)).toHaveLength(1);
    expect(mailsTo(learner)[0].subject).toBe('Rencana pengembangan tahun 2026 dikembalikan untuk diperbaiki');
  });

  it('follows the person’s preferences per category and channel, and their language', async () => {
    const learner = await person();
    const saved = await as(learner).put('/api/notifications/preferences', {
      categories: [
        { category: 'quiz-graded', email: 'immediate' },
        { category: 'course-assigned', email: 'off' },
        { category: 'plan-returned', email: 'digest' },
        { category: 'certificate-issued', inApp: 'off' },
      ],
      quietHours: null,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.quietHours).toBeNull();
    expect(saved.body.categories).toEqual(
      expect.arrayContaining([
        { category: 'quiz-graded', inApp: 'on', email: 'immediate', urgentByDefault: false },
        { category: 'plan-returned', inApp: 'on', email: 'digest', urgentByDefault: true },
        { category: 'deadline-approaching', inApp: 'on', email: 'auto', urgentByDefault: false },
      ]),
    );
    await t.http().patch('/api/me').set('authorization', learner.auth).send({ locale: 'en' });

    now = wib('2026-03-02', '23:00'); // no quiet hours: an immediate e-mail goes at once
    await notify([learner], { category: 'quiz-graded', params: { quiz: 'Final', percent: 90, passed: 1 } });
    await notify([learner], { category: 'course-assigned' });
    await notify([learner], { category: 'plan-returned', params: { year: 2026 } });
    await notify([learner], { category: 'certificate-issued', params: { course: 'Etika ASN' } });
    await t.drain();
    expect(mailsTo(learner).map((m) => m.subject)).toEqual(['Your result for the quiz "Final" is ready']);
    expect(mailsTo(learner)[0].text).toContain('Your score: 90%. You passed.');
    const statuses = Object.fromEntries((await rowsOf(learner)).map((r) => [r.category, r.emailStatus]));
    expect(statuses).toEqual({
      'quiz-graded': 'sent',
      'course-assigned': 'skipped',
      'plan-returned': 'digest',
      'certificate-issued': 'digest',
    });
    // Switched off in the app: neither listed nor counted.
    const list = await as(learner).get('/api/notifications');
    expect(list.body.items.map((n: { category: string }) => n.category).sort()).toEqual([
      'course-assigned',
      'plan-returned',
      'quiz-graded',
    ]);
    expect((await as(learner).get('/api/notifications/unread-count')).body).toEqual({ unread: 3 });
  });

  it('refuses preferences that name no category, a wrong mode or quiet hours that start when they end', async () => {
    const learner = await person();
    const bad = await as(learner).put('/api/notifications/preferences', {
      categories: [{ category: 'party', email: 'sometimes' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'categories.0.category',
      'categories.0.email',
    ]);
    const empty = await as(learner).put('/api/notifications/preferences', {
      quietHours: { start: '21:00', end: '21:00' },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('NOTIFICATIONS.QUIET_HOURS_INVALID');
  });

  it('unsubscribes with the one-click link of an e-mail, without signing in, from that category only', async () => {
    const learner = await person();
    await notify([learner], { category: 'plan-returned', params: { year: 2026 } });
    await t.drain();
    const [mail] = mailsTo(learner);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const target = /^<http:\/\/bina\.test(\/api\/notifications\/unsubscribe\/[^>]+)>$/.exec(
      mail.header('list-unsubscribe') ?? '',
    )?.[1];
    expect(target).toBeDefined();

    const tampered = await t.http().post(target!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(tampered.status).toBe(404);
    // As a mail client does it (RFC 8058): a cookie-less form POST.
    const done = await t.http().post(target!).type('form').send('List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ unsubscribed: ['plan-returned'] });
    const prefs = await as(learner).get('/api/notifications/preferences');
    expect(prefs.body.categories).toContainEqual({
      category: 'plan-returned',
      inApp: 'on',
      email: 'off',
      urgentByDefault: true,
    });

    await notify([learner], { category: 'plan-returned', params: { year: 2027 } });
    await notify([learner], { category: 'deadline-approaching', urgent: true, params: { course: 'X', days: 1 } });
    await t.drain();
    expect(mailsTo(learner).map((m) => m.subject)).toEqual([
      'Rencana pengembangan tahun 2026 dikembalikan untuk diperbaiki',
      'Batas waktu kursus "X" besok',
    ]);
    // A GET (a client opening the link in a browser) only leads to the confirmation page.
    const opened = await t.http().get(target!);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toMatch(/^\/notifikasi\/berhenti\//);
  });

  it('tells learners when a unit admin’s assignment enrols them (in the digest), once even if it runs again', async () => {
    const unitId = (await givenUnit(t, '12.71')).id;
    const admin = await person({ role: 'unit_admin', scopeRegionCode: '12.71', unitId });
    const instructor = await person({ role: 'instructor', unitId });
    const course = await givenPublishedCourse(t, instructor.auth, {
      title: 'Tata Naskah Dinas',
      enrolmentMode: 'assigned',
      audience: { everyone: false, regions: ['12.71'] },
    });
    const learners = [await person({ unitId }), await person({ unitId })];
    const assign = () =>
      t
        .http()
        .post('/api/learning/assignments')
        .set('authorization', admin.auth)
        .send({ courseId: course.courseId, nips: learners.map((l) => l.user.nip), deadline: '2026-03-31' });
    expect((await assign()).status).toBe(202);
    await t.drain();
    expect((await assign()).status).toBe(202);
    await t.drain();
    for (const learner of learners) {
      const rows = await rowsOf(learner);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ category: 'course-assigned', link: `/kursus/${course.courseId}` });
      const list = await as(learner).get('/api/notifications');
      expect(list.body.items[0].title).toBe('Anda ditugaskan mengikuti kursus "Tata Naskah Dinas"');
      expect(list.body.items[0].lines).toContain('Selesaikan paling lambat 31 Maret 2026.');
      expect(rows[0].emailStatus).toBe('digest');
    }
  });

  it('reminds a learner 7 days and 1 day before the deadline, exactly once each; the day-before one by e-mail', async () => {
    const unitId = (await givenUnit(t, '36.74')).id;
    const admin = await person({ role: 'unit_admin', scopeRegionCode: '36.74', unitId });
    const instructor = await person({ role: 'instructor', unitId });
    const course = await givenPublishedCourse(t, instructor.auth, { title: 'Etika Birokrasi' });
    const learner = await person({ unitId });
    const finisher = await person({ unitId });
    const created = await t
      .http()
      .post('/api/learning/assignments')
      .set('authorization', admin.auth)
      .send({ courseId: course.courseId, nips: [learner.user.nip, finisher.user.nip], deadline: '2026-03-20' });
    expect(created.status).toBe(202);
    await t.drain();
    // One of them finishes early: no reminders for a completed course.
    for (const lessonId of course.lessonIds)
      await as(finisher).post(`/api/learning/courses/${course.courseId}/lessons/${lessonId}/completion`);
    await t.drain();

    for (let day = 10; day <= 21; day++) {
      now = wib(`2026-03-${day}`, '00:30');
      await t.get(DeadlineScheduler).enqueueToday();
      await t.drain();
      await t.get(DeadlineRemindersService).scan(`2026-03-${day}`); // a second try the same day adds nothing
      await t.drain();
    }
    const reminders = (await rowsOf(learner)).filter((r) => r.category === 'deadline-approaching');
    expect(reminders.map((r) => [r.eventKey.split(':').pop(), r.createdAt.toISOString(), r.urgent])).toEqual([
      ['7', wib('2026-03-13', '00:30').toISOString(), false],
      ['1', wib('2026-03-19', '00:30').toISOString(), true],
    ]);
    expect((await rowsOf(finisher)).filter((r) => r.category === 'deadline-approaching')).toHaveLength(0);
    // The day-before reminder was urgent: e-mailed when the quiet hours ended that morning.
    expect(mailsTo(learner).map((m) => m.subject)).toEqual(['Batas waktu kursus "Etika Birokrasi" besok']);
  });

  it('has no dev mailbox when an SMTP server is configured', async () => {
    const learner = await person();
    expect((await as(learner).get('/dev/kotak-surat')).status).toBe(404);
  });
});
