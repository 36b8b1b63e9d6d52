import { In } from 'typeorm';
import { Clock } from '../../libs/common';
import { TransactionRunner } from '../../libs/database';
import { OutboxMessage } from '../../libs/queue';
import {
  asUser,
  createTestApp,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  TestApp,
  usesRedis,
} from '../../libs/testing';
import { startSmtpServer, TestSmtpServer } from '../../libs/testing/smtp';
import { DeliveryLedger } from '../../src/modules/notifications/delivery/delivery-ledger';
import { messageIdFor } from '../../src/modules/notifications/domain/message-id';
import { AddressFailure, Notification, NotificationDelivery } from '../../src/modules/notifications/entities';
import { SendEmailJob } from '../../src/modules/notifications/jobs/send-email.job';
import { NotificationEvent, NotificationsApi } from '../../src/modules/notifications/notifications.api';

const wib = (day: string, clock: string) => new Date(`${day}T${clock}:00+07:00`);
let serial = 0;

/**
 * Sending is idempotent per (event, recipient, channel) and survives what SMTP throws at
 * it: a job delivered twice, a process that dies between the server's 250 and the record
 * of the send, a server that drops the connection after storing the message, a 4xx, and
 * an address that does not exist (550).
 */
describe(`notification e-mail delivery (${usesRedis() ? 'BullMQ on Redis' : 'in-process runner'})`, () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let now: Date;
  let medanUnitId: string;
  let medanAdmin: GivenUser;
  let gorontaloAdmin: GivenUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://bina.test' });
    await givenRegions(t);
    medanUnitId = (await givenUnit(t, '12.71')).id;
    medanAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '12.71', unitId: medanUnitId });
    const gorontaloUnitId = (await givenUnit(t, '75.71')).id;
    gorontaloAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '75.71', unitId: gorontaloUnitId });
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

  const learner = () => givenUser(t, { unitId: medanUnitId });
  const mailsTo = (who: GivenUser) => smtp.to(who.user.email!);
  const rowOf = async (who: GivenUser) =>
    t.dataSource.getRepository(Notification).findOneByOrFail({ recipientId: who.user.id });
  /** An urgent notification: e-mailed at once (10:00 WIB is outside the default quiet hours). */
  const notifyUrgent = async (who: GivenUser, event: Partial<NotificationEvent> = {}) => {
    const eventKey = `plan-returned:test-${++serial}`;
    await t.get(TransactionRunner).run((m) =>
      t.get(NotificationsApi).notify(m, {
        category: 'plan-returned',
        eventKey,
        recipientIds: [who.user.id],
        params: { year: 2026, reason: 'Target <JP> & sasaran belum lengkap' },
        link: '/rencana/2026',
        ...event,
      }),
    );
    return eventKey;
  };
  /** Runs what is due, then again after the retry backoff (in-process retries wait on the app's clock). */
  const drainWithRetries = async () => {
    await t.drain();
    now = new Date(now.getTime() + 10 * 60_000);
    await t.drain();
  };

  it('sends HTML and text parts with a Message-ID derived from the event, the recipient and the channel', async () => {
    const person = await learner();
    const eventKey = await notifyUrgent(person);
    await t.drain();
    const [mail] = mailsTo(person);
    expect(mail.messageId).toBe(messageIdFor(eventKey, person.user.id, 'email', 'bina.local'));
    expect(mail.from).toMatch(/^"?Bina"? <no-reply@bina\.local>$/);
    expect(mail.subject).toBe('Rencana pengembangan tahun 2026 dikembalikan untuk diperbaiki');
    expect(mail.text).toContain(`Yth. ${person.user.name},`);
    expect(mail.text).toContain('Catatan peninjau: Target <JP> & sasaran belum lengkap');
    expect(mail.text).toContain('Perbaiki rencana: http://bina.test/rencana/2026');
    expect(mail.html).toContain('Catatan peninjau: Target &lt;JP&gt; &amp; sasaran belum lengkap');
    expect(mail.html).toContain('href="http://bina.test/rencana/2026"');
    expect(mail.text).toMatch(
      /Berhenti menerima e-mail "Rencana pengembangan dikembalikan": http:\/\/bina\.test\/notifikasi\/berhenti\//,
    );
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.header('auto-submitted')).toBe('auto-generated');
    const delivery = await t.dataSource.getRepository(NotificationDelivery).findOneByOrFail({ eventKey });
    expect(delivery).toMatchObject({ recipientId: person.user.id, channel: 'email', messageId: mail.messageId });
    expect(await rowOf(person)).toMatchObject({ emailStatus: 'sent', emailedAt: now });
  });

  it('sends nothing when a send job is delivered again after the send was recorded', async () => {
    const person = await learner();
    await notifyUrgent(person);
    await t.drain();
    expect(mailsTo(person)).toHaveLength(1);
    const row = await rowOf(person);

    // The handler run again (a redelivery), and the outbox row relayed again.
    await t.get(SendEmailJob).handle({ notificationId: row.id });
    await t.dataSource.getRepository(Notification).update({ id: row.id }, { emailStatus: 'queued' });
    await t.get(SendEmailJob).handle({ notificationId: row.id });
    await t.dataSource.getRepository(OutboxMessage).update(
      { jobId: In([`notifications.send-email:${row.id}`, `notifications.deliver:${row.id}`]) },
      {
        status: 'pending',
        claimedBy: null,
        claimedUntil: null,
        availableAt: new Date(0),
      },
    );
    await t.drain();
    expect(mailsTo(person)).toHaveLength(1);
    expect(await t.dataSource.getRepository(NotificationDelivery).countBy({ recipientId: person.user.id })).toBe(1);
    expect((await rowOf(person)).emailStatus).toBe('sent');
  });

  it('resends with the same Message-ID when the process dies after the server accepted but before the send was recorded', async () => {
    const person = await learner();
    const ledger = t.get(DeliveryLedger);
    jest.spyOn(ledger, 'recordSent').mockRejectedValueOnce(new Error('process died before recording the send'));
    const eventKey = await notifyUrgent(person);
    await drainWithRetries();
    const mails = mailsTo(person);
    expect(mails).toHaveLength(2);
    expect(mails[1].messageId).toBe(mails[0].messageId);
    expect(mails[0].messageId).toBe(messageIdFor(eventKey, person.user.id, 'email', 'bina.local'));
    expect(await t.dataSource.getRepository(NotificationDelivery).countBy({ eventKey })).toBe(1);
    expect((await rowOf(person)).emailStatus).toBe('sent');
    await drainWithRetries();
    expect(mailsTo(person)).toHaveLength(2);
  });

  it('resends with the same Message-ID when the server stored the message but the connection dropped before its reply', async () => {
    const person = await learner();
    smtp.dropAfterAccepting(1);
    await notifyUrgent(person);
    await drainWithRetries();
    const mails = mailsTo(person);
    expect(mails).toHaveLength(2);
    expect(mails[1].messageId).toBe(mails[0].messageId);
    expect((await rowOf(person)).emailStatus).toBe('sent');
  });

  it('retries after a temporary refusal (451) and sends once', async () => {
    const person = await learner();
    smtp.rejectRecipient(person.user.email!, 451, 1);
    await notifyUrgent(person);
    await drainWithRetries();
    expect(mailsTo(person)).toHaveLength(1);
    expect((await rowOf(person)).emailStatus).toBe('sent');
    expect(await t.dataSource.getRepository(AddressFailure).countBy({ userId: person.user.id })).toBe(0);
  });

  it('marks an address the server refuses for good (550), sends nothing more to it, and shows it to the region’s admin', async () => {
    const person = await learner();
    smtp.rejectRecipient(person.user.email!, 550);
    await notifyUrgent(person);
    await drainWithRetries();
    expect(mailsTo(person)).toHaveLength(0);
    expect((await rowOf(person)).emailStatus).toBe('failed');

    const listed = await asUser(t, medanAdmin).get('/api/notifications/address-failures');
    expect(listed.status).toBe(200);
    const failure = listed.body.items.find((f: { userId: string }) => f.userId === person.user.id);
    expect(failure).toMatchObject({ name: person.user.name, email: person.user.email, smtpCode: 550 });
    expect(failure.reason).toContain('Mailbox unavailable');
    const elsewhere = await asUser(t, gorontaloAdmin).get('/api/notifications/address-failures');
    expect(elsewhere.body.items.map((f: { userId: string }) => f.userId)).not.toContain(person.user.id);
    expect((await asUser(t, person).get('/api/notifications/address-failures')).status).toBe(403);

    // Marked: the next urgent notification is skipped without asking the server.
    smtp.rejectRecipient(person.user.email!, 250, 0);
    await notifyUrgent(person);
    await t.drain();
    expect(mailsTo(person)).toHaveLength(0);
    const statuses = (await t.dataSource.getRepository(Notification).findBy({ recipientId: person.user.id })).map(
      (r) => r.emailStatus,
    );
    expect(statuses.sort()).toEqual(['failed', 'skipped']);

    // Another region's admin cannot clear it (404); the region's admin can, and mail flows again.
    const notMine = await asUser(t, gorontaloAdmin).del(`/api/notifications/address-failures/${failure.id}`);
    expect(notMine.status).toBe(404);
    expect((await asUser(t, medanAdmin).del(`/api/notifications/address-failures/${failure.id}`)).status).toBe(204);
    await notifyUrgent(person);
    await t.drain();
    expect(mailsTo(person)).toHaveLength(1);
  });

  it('moves a refused address along with its person: the new region’s admin sees and clears it', async () => {
    const person = await learner();
    smtp.rejectRecipient(person.user.email!, 550);
    await notifyUrgent(person);
    await drainWithRetries();
    const national = await givenUser(t, { role: 'national_admin' });
    const gorontaloUnitId = gorontaloAdmin.user.unitId!;
    const moved = await t
      .http()
      .patch(`/api/users/${person.user.id}`)
      .set('authorization', national.auth)
      .send({ unitId: gorontaloUnitId });
    expect(moved.status).toBe(200);
    await t.drain();
    const ids = async (who: GivenUser) =>
      (await asUser(t, who).get('/api/notifications/address-failures')).body.items.map(
        (f: { userId: string }) => f.userId,
      );
    expect(await ids(medanAdmin)).not.toContain(person.user.id);
    expect(await ids(gorontaloAdmin)).toContain(person.user.id);
  });
});
