import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AccessScope, AuthUser, regionSubtreeCondition, regionWithin } from '../../../../libs/auth';
import { Clock, DomainException, FieldProblem, newId, Page, PageQuery, skipOf, toPage } from '../../../../libs/common';
import { acceptsFamily, detectFileKind } from '../../../../libs/content';
import { isDuplicateKey, TransactionRunner } from '../../../../libs/database';
import { OutboxService } from '../../../../libs/queue';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { DevelopmentFormsService } from '../development-forms.service';
import { convertToJp } from '../domain/jp-conversion';
import { ActivityReviewQuery, ExternalActivityDto } from '../dto/external-activity.dto';
import { LearnerContext } from '../enrolment/learner-context';
import { ExternalActivity } from '../entities';
import { CreditWriter } from '../ledger/credits';
import { LearningError } from '../learning.errors';
import { ExternalActivityView, toActivityView } from './external-activity.view';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Development done outside the platform (seminars, workshops, coaching, ...). JP come from
 * the conversion table; the activity counts only once a unit admin of the learner's region
 * verifies it, and then enters the ledger for the year it ended.
 */
@Injectable()
export class ExternalActivitiesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly forms: DevelopmentFormsService,
    private readonly competencies: CompetenciesApi,
    private readonly context: LearnerContext,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly outbox: OutboxService,
    private readonly credits: CreditWriter,
  ) {}

  async record(
    user: AuthUser,
    dto: ExternalActivityDto,
    file: { fileName: string; content: Buffer },
  ): Promise<ExternalActivityView> {
    const problems = this.dateProblems(dto);
    const form = await this.forms.get(dto.formCode).catch(() => null);
    if (!form || !form.active)
      problems.push({ field: 'formCode', rule: 'exists', message: `${dto.formCode} is not a form of development` });
    const [competency] = dto.competencyCode ? await this.competencies.summaries([dto.competencyCode]) : [];
    if (dto.competencyCode && !competency) {
      problems.push({
        field: 'competencyCode',
        rule: 'exists',
        message: `${dto.competencyCode} is not in the dictionary`,
      });
    } else if (competency && !competency.active) {
      problems.push({ field: 'competencyCode', rule: 'active', message: `${competency.code} is retired` });
    }
    if (!dto.competencyCode !== (dto.level === undefined)) {
      problems.push({ field: 'level', rule: 'pair', message: 'give the competency and its level together' });
    }
    const jp = form ? convertToJp(form, dto) : null;
    if (jp && !jp.ok)
      problems.push({ field: jp.missing, rule: 'required', message: `${jp.missing} is needed for ${form!.name}` });
    const kind = detectFileKind(file.content);
    if (!acceptsFamily(kind, ['pdf', 'image'])) {
      problems.push({
        field: 'file',
        rule: 'file_type',
        message: 'the evidence must be a PDF or an image (PNG, JPEG, WebP)',
      });
    }
    if (problems.length || !jp?.ok || !kind) {
      throw new DomainException(LearningError.ACTIVITY_INVALID, 'The activity cannot be recorded', {
        fields: problems,
      });
    }
    const dedupeKey = dedupeKeyOf(user.id, dto);
    const earlier = await this.tx.run((m) => m.findOneBy(ExternalActivity, { dedupeKey }));
    if (earlier) return this.view({ kind: 'own', userId: user.id }, earlier.id);
    const me = await this.context.learner(user);
    const key = await this.storage.put('evidence', file.content, kind.extension);
    const id = newId();
    const stored = await this.tx
      .run((m) =>
        m.insert(ExternalActivity, {
          id,
          dedupeKey,
          userId: user.id,
          regionCode: me.regionCode,
          formCode: dto.formCode,
          title: dto.title.trim(),
          organiser: dto.organiser.trim(),
          startDate: dto.startDate.slice(0, 10),
          endDate: dto.endDate.slice(0, 10),
          days: dto.days ?? null,
          programmeJpTenths: dto.programmeJp === undefined ? null : Math.round(dto.programmeJp * 10),
          international: dto.international,
          jpTenths: Math.round(jp.jp * 10),
          competencyCode: dto.competencyCode ?? null,
          level: dto.level ?? null,
          evidenceKey: key,
          evidenceMime: kind.mime,
          evidenceName: evidenceName(file.fileName, kind.extension),
          status: 'submitted',
          reviewedBy: null,
          reviewedAt: null,
          rejectionReason: null,
          createdAt: this.clock.now(),
        }),
      )
      .then(() => id)
      .catch(async (err: unknown) => {
        // The same form sent twice at once: the other send stored it; this one's file goes.
        if (!isDuplicateKey(err)) throw err;
        await this.storage.delete(key).catch(() => undefined);
        const first = await this.tx.run((m) => m.findOneBy(ExternalActivity, { dedupeKey }));
        if (!first) throw err;
        return first.id;
      });
    return this.view({ kind: 'own', userId: user.id }, stored);
  }

  async mine(userId: string, query: PageQuery): Promise<Page<ExternalActivityView>> {
    return this.tx.run(async (m) => {
      const [rows, total] = await m.findAndCount(ExternalActivity, {
        where: { userId },
        order: { createdAt: 'DESC', id: 'ASC' },
        skip: skipOf(query),
        take: query.pageSize,
      });
      return toPage(rows.map(toActivityView), total, query);
    });
  }

  async forReview(scope: AccessScope, query: ActivityReviewQuery): Promise<Page<ExternalActivityView>> {
    return this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder(ExternalActivity, 'a')
        .where('a.status = :status', { status: query.status })
        .orderBy('a.createdAt', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .skip(skipOf(query))
        .take(query.pageSize);
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('a.region_code', scope.regionCode);
        qb.andWhere(c.sql, c.params);
      } else if (scope.kind === 'own') qb.andWhere('1 = 0');
      const [rows, total] = await qb.getManyAndCount();
      return toPage(rows.map(toActivityView), total, query);
    });
  }

  async view(scope: AccessScope, id: string): Promise<ExternalActivityView> {
    return toActivityView(await this.visible(scope, id));
  }

  async evidence(scope: AccessScope, id: string): Promise<{ key: string; mime: string; fileName: string }> {
    const a = await this.visible(scope, id);
    return { key: a.evidenceKey, mime: a.evidenceMime, fileName: a.evidenceName };
  }

  /** Verified: the JP enter the ledger for the year the activity ended, with competency evidence. */
  async verify(user: AuthUser, scope: AccessScope, id: string): Promise<ExternalActivityView> {
    await this.tx.run(async (m) => {
      const a = await this.reviewable(user, scope, id);
      const now = this.clock.now();
      await this.decided(m, id, { status: 'verified', reviewedBy: user.id, reviewedAt: now });
      // The activity counts for the year it ended, dated that day in WIB.
      await this.credits.credit(m, {
        userId: a.userId,
        source: 'external',
        sourceId: a.id,
        title: a.title,
        year: Number(a.endDate.slice(0, 4)),
        jpTenths: a.jpTenths,
        earnedAt: new Date(`${a.endDate}T00:00:00+07:00`),
        competencies: a.competencyCode && a.level ? [{ code: a.competencyCode, level: a.level }] : [],
      });
      await this.outbox.enqueue(m, 'learning.external-verified', { activityId: a.id }, { jobId: a.id });
    });
    return this.view(scope, id);
  }

  async reject(user: AuthUser, scope: AccessScope, id: string, reason: string): Promise<ExternalActivityView> {
    await this.tx.run(async (m) => {
      await this.reviewable(user, scope, id);
      await this.decided(m, id, {
        status: 'rejected',
        reviewedBy: user.id,
        reviewedAt: this.clock.now(),
        rejectionReason: reason.trim(),
        dedupeKey: null,
      });
    });
    return this.view(scope, id);
  }

  /** Only the one reviewer who moves it out of "submitted" wins; a second decision is a 409. */
  private async decided(m: import('typeorm').EntityManager, id: string, change: Partial<ExternalActivity>) {
    const result = await m.update(ExternalActivity, { id, status: 'submitted' }, change);
    if (result.affected !== 1)
      throw new DomainException(LearningError.ACTIVITY_REVIEWED, 'The activity was already reviewed');
  }

  /** An admin in whose region the activity lies, and not its own learner: no one verifies their own JP. */
  private async reviewable(user: AuthUser, scope: AccessScope, id: string): Promise<ExternalActivity> {
    if (scope.kind === 'own') throw notFound();
    const activity = await this.visible(scope, id);
    if (activity.userId === user.id) {
      throw new DomainException(LearningError.ACTIVITY_OWN, 'Your own activity is verified by another administrator');
    }
    return activity;
  }

  private async visible(scope: AccessScope, id: string): Promise<ExternalActivity> {
    const a = await this.tx.run((m) => m.findOneBy(ExternalActivity, { id }));
    const ok =
      a &&
      (scope.kind === 'national' ||
        (scope.kind === 'region' && regionWithin(a.regionCode, scope.regionCode)) ||
        (scope.kind === 'own' && a.userId === scope.userId));
    if (!ok) throw notFound();
    return a;
  }

  private dateProblems(dto: ExternalActivityDto): FieldProblem[] {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(this.clock.now());
    const problems: FieldProblem[] = [];
    if (dto.endDate.slice(0, 10) < dto.startDate.slice(0, 10)) {
      problems.push({ field: 'endDate', rule: 'after_start', message: 'endDate must not be before startDate' });
    }
    if (dto.endDate.slice(0, 10) > today) {
      problems.push({ field: 'endDate', rule: 'not_future', message: 'record an activity once it has ended' });
    }
    // Days are what a seminar or workshop converts to JP: no more than the dates span.
    const span =
      Math.round((Date.parse(dto.endDate.slice(0, 10)) - Date.parse(dto.startDate.slice(0, 10))) / 86_400_000) + 1;
    if (dto.days !== undefined && span >= 1 && dto.days > span) {
      problems.push({
        field: 'days',
        rule: 'within_dates',
        message: `days must be at most ${span}, the days from startDate to endDate`,
      });
    }
    return problems;
  }
}

const notFound = () => new DomainException(LearningError.ACTIVITY_NOT_FOUND, 'No such activity');

function evidenceName(fileName: string, extension: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._-]/gu, '')
    .trim()
    .slice(0, 150);
  return `${base || 'bukti'}.${extension}`;
}

/** One person's activity of one form, title and dates (title compared without case or extra spaces). */
function dedupeKeyOf(userId: string, dto: ExternalActivityDto): string {
  const title = dto.title.trim().replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256')
    .update([userId, dto.formCode, title, dto.startDate.slice(0, 10), dto.endDate.slice(0, 10)].join('\u0000'))
    .digest('hex');
}
