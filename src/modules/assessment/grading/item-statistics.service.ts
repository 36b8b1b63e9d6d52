import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { snapshotOf } from '../attempts/attempt-store';
import { FrozenQuestion } from '../domain/attempt-score';
import { Response } from '../domain/grading';
import { AttemptObservation, ItemStatistics, itemStatistics } from '../domain/item-statistics';
import { QuizAttempt } from '../entities';
import { marksOf } from './grading.service';

const PAGE = 1000;

/**
 * Which attempts the statistics describe. `first`: each learner's first graded attempt (as
 * Moodle's default), so that a learner's retakes, who has seen the questions before, do not
 * weigh in as other learners would. `all`: every graded attempt.
 */
export type StatisticsAttempts = 'first' | 'all';

export interface QuizStatistics {
  quizId: string;
  /** Which attempts were counted. */
  counted: StatisticsAttempts;
  attempts: number;
  items: Array<
    ItemStatistics & {
      stem: string;
      type: string;
      /** The bank's option ids (the keys of `options`) with their texts, in the bank's order; empty unless single or multiple. */
      optionTexts: Record<string, string>;
    }
  >;
}

/**
 * Classical item statistics over a quiz's graded attempts (by default each learner's first
 * finished attempt, once graded).
 * Read in pages by id so that a quiz with tens of thousands of attempts never loads them all
 * at once as entities.
 */
@Injectable()
export class ItemStatisticsService {
  constructor(private readonly tx: TransactionRunner) {}

  async of(quizId: string, counted: StatisticsAttempts = 'first'): Promise<QuizStatistics> {
    const observations: AttemptObservation[] = [];
    const stems = new Map<string, { stem: string; type: string; optionTexts: Record<string, string> }>();
    let cursor = '';
    for (;;) {
      const page = await this.tx.run((m) => {
        const query = m
          .createQueryBuilder(QuizAttempt, 'a')
          .select(['a.id', 'a.snapshotJson', 'a.responsesJson', 'a.marksJson', 'a.scoreHundredths', 'a.maxHundredths'])
          .where('a.quizId = :quizId AND a.status = :graded AND a.id > :cursor', { quizId, graded: 'graded', cursor })
          .orderBy('a.id', 'ASC')
          .take(PAGE);
        if (counted === 'first') {
          // The learner's first finished attempt, counted once it is graded (read on the unique
          // quiz/user/number index). Not the first *graded* one: with attempt 1 awaiting a mark
          // that would be the retake; such a learner waits until attempt 1 is marked.
          query.andWhere((sub) => {
            const first = sub
              .subQuery()
              .select('MIN(b.number)')
              .from(QuizAttempt, 'b')
              .where('b.quizId = a.quizId AND b.userId = a.userId AND b.status <> :open', { open: 'in_progress' })
              .getQuery();
            return `a.number = ${first}`;
          });
        }
        return query.getMany();
      });
      for (const attempt of page) {
        const marks = marksOf(attempt as QuizAttempt);
        const responses = JSON.parse(attempt.responsesJson) as Record<string, Response>;
        const max = attempt.maxHundredths || 1;
        observations.push({
          total: (attempt.scoreHundredths ?? 0) / max,
          items: snapshotOf(attempt).map((q) => {
            let about = stems.get(q.questionId);
            if (!about) {
              about = { stem: q.stem, type: q.type, optionTexts: {} };
              stems.set(q.questionId, about);
            }
            const bankId = bankIdsOf(q);
            for (const [id, text] of optionTextsOf(q, bankId)) about.optionTexts[id] ??= text;
            const mark = marks[String(q.slot)];
            const response = responses[String(q.slot)];
            const choice = q.type === 'single' || q.type === 'multiple' || q.type === 'true_false';
            return {
              questionId: q.questionId,
              fraction: mark && mark.scored !== null && mark.max > 0 ? mark.scored / mark.max : null,
              weight: Math.round(q.points * 100) / max,
              choice,
              chosen:
                !choice || response === undefined
                  ? []
                  : (Array.isArray(response) ? response : [response]).map((id) => bankId(String(id))),
            };
          }),
        });
      }
      if (page.length < PAGE) break;
      cursor = page[page.length - 1].id;
    }
    return {
      quizId,
      counted,
      attempts: observations.length,
      items: itemStatistics(observations).map((s) => ({ ...s, ...stems.get(s.questionId)! })),
    };
  }
}

/**
 * The texts of a single- or multiple-choice question's options by the bank's ids, in the
 * bank's order where the attempt says it (its labels are kept in that order), else as shown.
 */
function optionTextsOf(q: FrozenQuestion, bankId: (id: string) => string): Array<[string, string]> {
  if (q.content.type !== 'single' && q.content.type !== 'multiple') return [];
  const shown = q.content.options.map((o): [string, string] => [bankId(o.id), o.text]);
  if (!q.labels) return shown;
  const place = new Map(Object.keys(q.labels).map((id, i) => [id, i]));
  return shown.sort(([a], [b]) => (place.get(a) ?? place.size) - (place.get(b) ?? place.size));
}

/**
 * Options carry fresh ids per attempt (see `relabel`); the counts are kept by the bank's
 * ids, so that one option is one line however many attempts showed it.
 */
function bankIdsOf(q: FrozenQuestion): (id: string) => string {
  if (!q.labels) return (id) => id;
  const bank = new Map(Object.entries(q.labels).map(([bankId, attemptId]) => [attemptId, bankId]));
  return (id) => bank.get(id) ?? id;
}
