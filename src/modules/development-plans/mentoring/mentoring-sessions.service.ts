import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { Clock, DomainException, newId } from '../../../../libs/common';
import { forUpdateOn, TransactionRunner } from '../../../../libs/database';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { IdentityApi } from '../../identity/identity.api';
import { LearningApi } from '../../learning/learning.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { PlanRefresh } from '../plans/progress/plan-refresh';
import {
  exceedsDayLimit,
  noonWib,
  PENDING_SESSIONS_MAX,
  sessionDateProblem,
  sessionJpTenths,
  sessionRole,
  wibDay,
} from './domain/session-rules';
import { LogSessionDto } from './dto/mentoring.dto';
import { MentoringPairing, MentoringSession } from './entities';
import { MentoringError } from './mentoring.errors';
import { SessionView, sessionView } from './mentoring.view';

/** The development form whose JP rule mentoring sessions follow (learning module's table). */
export const MENTORING_FORM = 'mentoring';

/**
 * Sessions of a pairing: either side logs one, the other confirms or disputes it. A
 * confirmation credits the mentee's JP (once, whatever happens twice) and asks for their
 * plans to be recomputed, in the same transaction.
 */
@Injectable()
export class MentoringSessionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityApi,
    private readonly competencies: CompetenciesApi,
    private readonly learning: LearningApi,
    private readonly notifications: NotificationsApi,
    private readonly refresh: PlanRefresh,
  ) {}

  async log(user: AuthUser, pairingId: string, dto: LogSessionDto): Promise<SessionView> {
    const pairing = await this.tx.run((m) => m.findOneBy(MentoringPairing, { id: pairingId }));
    if (!pairing || (pairing.mentorId !== user.id && pairing.menteeId !== user.id)) {
      throw new DomainException(MentoringError.MENTORING_PAIRING_NOT_FOUND, 'No such mentoring pairing');
    }
    if (pairing.status !== 'active') {
      throw new DomainException(
        MentoringError.MENTORING_PAIRING_CLOSED,
        'Sessions cannot be logged on an ended pairing',
      );
    }
    const problem = sessionDateProblem(dto.heldOn, wibDay(this.clock.now()), wibDay(new Date(pairing.startedAt)));
    if (problem) {
      throw new DomainException(MentoringError.MENTORING_SESSION_DATE, `The session date is ${problem}`, {
        fields: [{ field: 'heldOn', rule: problem, message: DATE_MESSAGES[problem] }],
      });
    }
    const session: MentoringSession = {
      id: newId(),
      pairingId,
      loggedBy: user.id,
      heldOn: dto.heldOn,
      topic: dto.topic.trim(),
      minutes: dto.minutes,
      notes: dto.notes?.trim() || null,
      status: 'pending',
      jpTenths: 0,
      answeredBy: null,
      answeredAt: null,
      disputeReason: null,
      createdAt: this.clock.now(),
    };
    const other = user.id === pairing.mentorId ? pairing.menteeId : pairing.mentorId;
    const names = await this.identity.namesOf([user.id]);
    const stored = await this.tx.run(async (m) => {
      // The pairing is locked: one pair's logs are checked and written one at a time, so two
      // sent together cannot both pass the limits, and a second tap finds the first.
      await m.findOne(MentoringPairing, { where: { id: pairingId }, ...forUpdateOn(m) });
      const repeated = await m.findOneBy(MentoringSession, {
        pairingId,
        loggedBy: user.id,
        heldOn: session.heldOn,
        topic: session.topic,
        minutes: session.minutes,
        status: 'pending',
      });
      // The same session still waiting for its answer: a double tap or a resent form, not a second meeting.
      if (repeated) return repeated;
      await this.checkRoom(m, session);
      await m.createQueryBuilder().insert().into(MentoringSession).values(session).updateEntity(false).execute();
      await this.notifications.notify(m, {
        category: 'mentoring-session-logged',
        eventKey: `mentoring-session-logged:${session.id}`,
        recipientIds: [other],
        params: {
          topic: session.topic,
          by: names.get(user.id)?.name ?? '',
          date: noonWib(session.heldOn).toISOString(),
          minutes: session.minutes,
        },
        link: `/mentoring/${pairingId}`,
      });
      return session;
    });
    return sessionView(stored, pairing, names, user.id);
  }

  /** The other side confirms: JP by the mentoring form's rule go to the mentee. Again: nothing more. */
  async confirm(user: AuthUser, sessionId: string): Promise<SessionView> {
    const { session, pairing } = await this.answerable(user, sessionId);
    if (session.status === 'confirmed') return this.view(session, pairing, user);
    const [form, minutesPerJp, competency] = await Promise.all([
      this.learning.developmentForm(MENTORING_FORM),
      this.learning.minutesPerJp(),
      this.competencies.summaries([pairing.competencyCode]),
    ]);
    const jpTenths = sessionJpTenths(form, session.minutes, minutesPerJp);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(MentoringSession)
        .set({ status: 'confirmed', jpTenths, answeredBy: user.id, answeredAt: now })
        .where('id = :id AND status = :pending', { id: sessionId, pending: 'pending' })
        .execute();
      // Lost a race with another confirmation (or a dispute): that answer stands, no second credit.
      if (!result.affected) return;
      await this.learning.recordCredit(m, {
        userId: pairing.menteeId,
        source: 'mentoring',
        sourceId: session.id,
        title: `Mentoring ${competency[0]?.name ?? pairing.competencyCode}: ${session.topic}`,
        year: Number(session.heldOn.slice(0, 4)),
        jpTenths,
        earnedAt: noonWib(session.heldOn),
        competencies: [],
      });
      await this.refresh.request(m, pairing.menteeId, `mentoring:${session.id}`);
    });
    const fresh = await this.tx.run((m) => m.findOneByOrFail(MentoringSession, { id: sessionId }));
    if (fresh.status === 'disputed') throw answered();
    return this.view(fresh, pairing, user);
  }

  /** The other side says it did not happen (or not so): nothing is credited, the reason is kept. */
  async dispute(user: AuthUser, sessionId: string, reason: string): Promise<SessionView> {
    const { session, pairing } = await this.answerable(user, sessionId);
    if (session.status !== 'pending') throw answered();
    const result = await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(MentoringSession)
        .set({ status: 'disputed', answeredBy: user.id, answeredAt: this.clock.now(), disputeReason: reason.trim() })
        .where('id = :id AND status = :pending', { id: sessionId, pending: 'pending' })
        .execute(),
    );
    if (!result.affected) throw answered();
    return this.view(await this.tx.run((m) => m.findOneByOrFail(MentoringSession, { id: sessionId })), pairing, user);
  }

  /** A pair's day holds at most 8 hours of sessions, and its unanswered backlog stays short. */
  private async checkRoom(m: EntityManager, session: MentoringSession): Promise<void> {
    const rows = await m.find(MentoringSession, {
      select: { heldOn: true, minutes: true, status: true },
      where: { pairingId: session.pairingId, status: In(['pending', 'confirmed']) },
    });
    if (rows.filter((r) => r.status === 'pending').length >= PENDING_SESSIONS_MAX) {
      throw new DomainException(
        MentoringError.MENTORING_TOO_MANY_PENDING,
        `${PENDING_SESSIONS_MAX} sessions of this pairing still wait for an answer`,
      );
    }
    const sameDay = rows.filter((r) => r.heldOn === session.heldOn).reduce((sum, r) => sum + r.minutes, 0);
    if (exceedsDayLimit(sameDay, session.minutes)) {
      throw new DomainException(MentoringError.MENTORING_DAY_FULL, 'More than 8 hours of sessions on one day', {
        fields: [{ field: 'minutes', rule: 'day_limit', message: 'a pair logs at most 480 minutes on one day' }],
      });
    }
  }

  /** The session and its pairing when the caller is the side that answers it. */
  private async answerable(user: AuthUser, sessionId: string) {
    const session = await this.tx.run((m) => m.findOneBy(MentoringSession, { id: sessionId }));
    const pairing = session && (await this.tx.run((m) => m.findOneBy(MentoringPairing, { id: session.pairingId })));
    const role = session && pairing ? sessionRole(pairing, session.loggedBy, user.id) : 'outsider';
    if (!session || !pairing || role === 'outsider') {
      throw new DomainException(MentoringError.MENTORING_SESSION_NOT_FOUND, 'No such mentoring session');
    }
    if (role === 'logger') {
      throw new DomainException(
        MentoringError.MENTORING_OWN_SESSION,
        'The other side of the pairing answers a session; you logged this one',
      );
    }
    return { session, pairing };
  }

  private async view(session: MentoringSession, pairing: MentoringPairing, user: AuthUser): Promise<SessionView> {
    return sessionView(session, pairing, await this.identity.namesOf([session.loggedBy]), user.id);
  }
}

const DATE_MESSAGES = {
  invalid: 'heldOn is not a real date',
  future: 'heldOn cannot be in the future',
  before_pairing: 'heldOn cannot be before the pairing started',
} as const;
const answered = () =>
  new DomainException(MentoringError.MENTORING_SESSION_ANSWERED, 'This session has already been answered');
