import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, AuthUser, regionSubtreeCondition, regionWithin, scopeOf } from '../../../../libs/auth';
import { Clock, DomainException, FieldProblem, newId, Page, skipOf, toPage } from '../../../../libs/common';
import { isDuplicateKey, TransactionRunner } from '../../../../libs/database';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { IdentityApi, PersonFacts } from '../../identity/identity.api';
import { LearningApi } from '../../learning/learning.api';
import { PlanRefresh } from '../plans/progress/plan-refresh';
import { CreatePairingDto, EndPairingDto, PairingsQuery } from './dto/mentoring.dto';
import { MentoringPairing, MentoringSession } from './entities';
import { MentoringError } from './mentoring.errors';
import { PairingDetail, PairingView, sessionView } from './mentoring.view';
import { awaitingAnswer, MentoringViews } from './mentoring-views';

const activeKeyOf = (mentorId: string, menteeId: string, code: string) => `${mentorId}:${menteeId}:${code}`;
const digitsOf = (nip: string) => nip.replace(/\s+/g, '');

/**
 * Pairings of a mentor with mentees for a competency, made and ended by the unit admin of
 * the region that holds both, and seen by the two sides and the admins in scope.
 */
@Injectable()
export class MentoringPairingsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityApi,
    private readonly competencies: CompetenciesApi,
    private readonly learning: LearningApi,
    private readonly refresh: PlanRefresh,
    private readonly views: MentoringViews,
  ) {}

  /** One pairing per mentee; all or none (a duplicate or an unknown person refuses the lot). */
  async create(user: AuthUser, scope: AccessScope, dto: CreatePairingDto): Promise<PairingView[]> {
    const code = dto.competencyCode;
    const [competency] = await this.competencies.summaries([code]);
    if (!competency) {
      throw new DomainException(MentoringError.MENTORING_COMPETENCY_UNKNOWN, `No competency ${code}`, {
        fields: [{ field: 'competencyCode', rule: 'exists', message: 'competencyCode is not in the dictionary' }],
      });
    }
    if (!competency.active) {
      throw new DomainException(MentoringError.MENTORING_COMPETENCY_UNKNOWN, `Competency ${code} is retired`, {
        fields: [{ field: 'competencyCode', rule: 'active', message: 'competencyCode is retired' }],
      });
    }
    const mentorNip = digitsOf(dto.mentorNip);
    const menteeNips = [...new Set(dto.menteeNips.map(digitsOf))];
    if (menteeNips.includes(mentorNip)) {
      throw new DomainException(MentoringError.MENTORING_SELF_PAIRING, 'A mentor cannot mentor themselves', {
        fields: [{ field: 'menteeNips', rule: 'not_mentor', message: 'the mentor cannot be one of the mentees' }],
      });
    }
    const people = await this.peopleInScope(scope, mentorNip, menteeNips);
    const mentor = people.get(mentorNip)!;
    const mentees = menteeNips.map((nip) => people.get(nip)!);
    const now = this.clock.now();
    const rows: MentoringPairing[] = mentees.map((mentee) => ({
      id: newId(),
      mentorId: mentor.id,
      menteeId: mentee.id,
      competencyCode: code,
      regionCode: mentee.regionCode,
      status: 'active',
      activeKey: activeKeyOf(mentor.id, mentee.id, code),
      achievedLevel: null,
      createdBy: user.id,
      startedAt: now,
      endedBy: null,
      endedAt: null,
      endNote: null,
    }));
    try {
      await this.tx.run(async (m) => {
        const taken = await m.count(MentoringPairing, { where: { activeKey: In(rows.map((r) => r.activeKey)) } });
        if (taken > 0) throw duplicate();
        await m.createQueryBuilder().insert().into(MentoringPairing).values(rows).updateEntity(false).execute();
      });
    } catch (err) {
      throw isDuplicateKey(err) ? duplicate() : err;
    }
    return this.views.pairings(rows);
  }

  /** Ends an active pairing; "completed" with a level records that level as the mentee's evidence. */
  async end(user: AuthUser, scope: AccessScope, id: string, dto: EndPairingDto): Promise<PairingView> {
    const pairing = await this.forAdmin(scope, id);
    const now = this.clock.now();
    const level = dto.outcome === 'completed' ? (dto.achievedLevel ?? null) : null;
    await this.tx.run(async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(MentoringPairing)
        .set({
          status: dto.outcome,
          activeKey: null,
          achievedLevel: level,
          endedBy: user.id,
          endedAt: now,
          endNote: dto.note?.trim() || null,
        })
        .where('id = :id AND status = :active', { id, active: 'active' })
        .execute();
      if (!result.affected) throw closed();
      if (level === null) return;
      await this.learning.recordEvidence(m, {
        userId: pairing.menteeId,
        source: 'mentoring',
        sourceId: pairing.id,
        earnedAt: now,
        competencies: [{ code: pairing.competencyCode, level }],
      });
      await this.refresh.request(m, pairing.menteeId, `mentoring-completed:${pairing.id}`);
    });
    return (await this.views.pairings([await this.forAdmin(scope, id)]))[0];
  }

  /** The admin's list: pairings whose mentee lies in their region (all for a national admin). */
  async regionPage(scope: AccessScope, query: PairingsQuery): Promise<Page<PairingView>> {
    const [rows, total] = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(MentoringPairing, 'p')
        .orderBy('p.started_at', 'DESC')
        .addOrderBy('p.id', 'ASC')
        .skip(skipOf(query))
        .take(query.pageSize);
      if (query.status) qb.andWhere('p.status = :status', { status: query.status });
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('p.region_code', scope.regionCode);
        qb.andWhere(c.sql, c.params);
      } else if (scope.kind === 'own') {
        qb.andWhere('1 = 0');
      }
      return qb.getManyAndCount();
    });
    return toPage(await this.views.pairings(rows), total, query);
  }

  /** The caller's pairings, as mentor or mentee, with what waits for their answer: active ones first. */
  async mine(userId: string): Promise<Array<PairingView & { awaitingMe: number }>> {
    const rows = await this.tx.run((m) =>
      m.find(MentoringPairing, {
        where: [{ mentorId: userId }, { menteeId: userId }],
        order: { startedAt: 'DESC' },
        take: 200,
      }),
    );
    const [views, awaiting] = await Promise.all([
      this.views.pairings(rows),
      this.tx.run((m) =>
        awaitingAnswer(
          m,
          rows.map((p) => p.id),
          userId,
        ),
      ),
    ]);
    return views
      .map((v) => ({ ...v, awaitingMe: awaiting.get(v.id) ?? 0 }))
      .sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
  }

  /** A pairing with its sessions, for its two sides and the admins in scope. */
  async detail(user: AuthUser, id: string): Promise<PairingDetail> {
    const pairing = await this.visible(user, id);
    const sessions = await this.tx.run((m) =>
      m.find(MentoringSession, { where: { pairingId: id }, order: { heldOn: 'DESC', createdAt: 'DESC' } }),
    );
    const [view] = await this.views.pairings([pairing]);
    const names = new Map([
      [view.mentor.id, view.mentor],
      [view.mentee.id, view.mentee],
    ]);
    return { ...view, sessions: sessions.map((s) => sessionView(s, pairing, names, user.id)) };
  }

  /** The pairing when the caller is one of its sides or an admin whose scope holds it; else 404. */
  async visible(user: AuthUser, id: string): Promise<MentoringPairing> {
    const pairing = await this.tx.run((m) => m.findOneBy(MentoringPairing, { id }));
    if (pairing && (pairing.mentorId === user.id || pairing.menteeId === user.id)) return pairing;
    return this.forAdmin(scopeOf(user), id, pairing);
  }

  private async forAdmin(scope: AccessScope, id: string, loaded?: MentoringPairing | null): Promise<MentoringPairing> {
    const pairing = loaded === undefined ? await this.tx.run((m) => m.findOneBy(MentoringPairing, { id })) : loaded;
    const allowed =
      pairing &&
      (scope.kind === 'national' || (scope.kind === 'region' && regionWithin(pairing.regionCode, scope.regionCode)));
    if (!allowed) throw new DomainException(MentoringError.MENTORING_PAIRING_NOT_FOUND, 'No such mentoring pairing');
    return pairing;
  }

  /** Each NIP's active ASN inside the admin's scope; anyone missing or outside is a 404 naming the field. */
  private async peopleInScope(
    scope: AccessScope,
    mentorNip: string,
    menteeNips: string[],
  ): Promise<Map<string, PersonFacts>> {
    const found = await this.identity.peopleByNips([mentorNip, ...menteeNips]);
    const inScope = found.filter(
      (p) => scope.kind === 'national' || (scope.kind === 'region' && regionWithin(p.regionCode, scope.regionCode)),
    );
    const byNip = new Map(inScope.map((p) => [p.nip, p]));
    const missing: FieldProblem[] = [];
    if (!byNip.has(mentorNip)) missing.push(notFound('mentorNip'));
    menteeNips.forEach((nip, i) => {
      if (!byNip.has(nip)) missing.push(notFound(`menteeNips.${i}`));
    });
    if (missing.length) {
      throw new DomainException(MentoringError.MENTORING_PERSON_NOT_FOUND, 'No ASN with this NIP in your region', {
        fields: missing,
      });
    }
    return byNip;
  }
}

const notFound = (field: string): FieldProblem => ({
  field,
  rule: 'not_found',
  message: `${field}: no active ASN with this NIP in your region`,
});
const duplicate = () =>
  new DomainException(
    MentoringError.MENTORING_PAIRING_EXISTS,
    'This mentor already mentors one of these mentees in this competency',
  );
const closed = () => new DomainException(MentoringError.MENTORING_PAIRING_CLOSED, 'This pairing has already ended');
