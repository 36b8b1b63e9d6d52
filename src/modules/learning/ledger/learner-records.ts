import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../../../../libs/database';
import { CompetencyEvidence, CreditSource, Enrolment, ExternalActivity, JpLedgerEntry } from '../entities';

/** One JP credit of a learner's year, with what it came from (for plans and reports). */
export interface CreditRecord {
  source: CreditSource;
  sourceId: string;
  title: string;
  jpTenths: number;
  earnedAt: Date;
  /** The course of a course credit. */
  courseId: string | null;
  /** The development form of an external activity ('coaching', 'seminar', ...). */
  formCode: string | null;
  competencies: Array<{ code: string; level: number }>;
}

/** One piece of competency evidence: a learner reached `level` of `competencyCode`. */
export interface EvidenceRecord {
  userId: string;
  competencyCode: string;
  level: number;
  source: CreditSource;
  sourceId: string;
  earnedAt: Date;
}

/** The highest level a person's evidence shows in a competency. */
export interface BestLevel {
  userId: string;
  competencyCode: string;
  level: number;
}

/** Read-only queries over the ledger and evidence, in bulk, for other modules' use-cases. */
@Injectable()
export class LearnerRecords {
  constructor(private readonly tx: TransactionRunner) {}

  async creditsOf(userId: string, year: number): Promise<CreditRecord[]> {
    return this.tx.run(async (m) => {
      const entries = await m.find(JpLedgerEntry, { where: { userId, year }, order: { earnedAt: 'ASC' } });
      if (entries.length === 0) return [];
      const idsOf = (source: CreditSource) => entries.filter((e) => e.source === source).map((e) => e.sourceId);
      const courseIds = idsOf('course');
      const externalIds = idsOf('external');
      const enrolments = courseIds.length
        ? await m.find(Enrolment, { select: { id: true, courseId: true }, where: { id: In(courseIds) } })
        : [];
      const activities = externalIds.length
        ? await m.find(ExternalActivity, { select: { id: true, formCode: true }, where: { id: In(externalIds) } })
        : [];
      const evidence = await m.find(CompetencyEvidence, {
        where: { userId, sourceId: In(entries.map((e) => e.sourceId)) },
      });
      const courseOf = new Map(enrolments.map((e) => [e.id, e.courseId]));
      const formOf = new Map(activities.map((a) => [a.id, a.formCode]));
      return entries.map((e) => ({
        source: e.source,
        sourceId: e.sourceId,
        title: e.title,
        jpTenths: e.jpTenths,
        earnedAt: e.earnedAt,
        courseId: courseOf.get(e.sourceId) ?? null,
        formCode: formOf.get(e.sourceId) ?? null,
        competencies: evidence
          .filter((v) => v.source === e.source && v.sourceId === e.sourceId)
          .map((v) => ({ code: v.competencyCode, level: v.level })),
      }));
    });
  }

  /** Every piece of evidence of these people (the needs analysis takes the highest per competency). */
  async evidenceOf(userIds: string[]): Promise<EvidenceRecord[]> {
    if (userIds.length === 0) return [];
    return this.tx.run((m) =>
      m.find(CompetencyEvidence, {
        select: { userId: true, competencyCode: true, level: true, source: true, sourceId: true, earnedAt: true },
        where: { userId: In(userIds) },
      }),
    );
  }

  /** The best level each person's evidence reached per competency (what a coverage counts). */
  async bestLevelsOf(userIds: string[]): Promise<BestLevel[]> {
    if (userIds.length === 0) return [];
    return this.bestLevels(`user_id IN (${userIds.map(() => '?').join(', ')})`, userIds);
  }

  /**
   * The same for everyone whose id is in (afterUserId, upToUserId] (null: from the start, to
   * the end): a range of the (user, competency, ...) index, grouped in its order. Thousands of
   * ids in an IN list cost three times as much on MariaDB (it joins them as a table).
   */
  bestLevelsBetween(afterUserId: string | null, upToUserId: string | null): Promise<BestLevel[]> {
    const where = upToUserId === null ? 'user_id > ?' : 'user_id > ? AND user_id <= ?';
    return this.bestLevels(where, upToUserId === null ? [afterUserId ?? ''] : [afterUserId ?? '', upToUserId]);
  }

  private async bestLevels(where: string, params: string[]): Promise<BestLevel[]> {
    const rows: Array<Record<string, string | number>> = await this.tx.run((m) =>
      m.query(
        `SELECT user_id, competency_code, MAX(level) AS level FROM competency_evidence
         WHERE ${where} GROUP BY user_id, competency_code`,
        params,
      ),
    );
    return rows.map((r) => ({
      userId: String(r.user_id),
      competencyCode: String(r.competency_code),
      level: Number(r.level),
    }));
  }

  /** JP (tenths) each person earned in a year; people with none are left out. */
  async jpTotals(userIds: string[], year: number): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.tx.run((m) =>
      m
        .createQueryBuilder(JpLedgerEntry, 'l')
        .select('l.user_id', 'userId')
        .addSelect('SUM(l.jp_tenths)', 'jpTenths')
        .where('l.user_id IN (:...userIds)', { userIds })
        .andWhere('l.year = :year', { year })
        .groupBy('l.user_id')
        .getRawMany<{ userId: string; jpTenths: string | number }>(),
    );
    return new Map(rows.map((r) => [r.userId, Number(r.jpTenths)]));
  }
}
