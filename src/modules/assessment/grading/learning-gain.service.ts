import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../../../../libs/database';
import { FINISHED_STATUSES, finishedAttempt, passes, quizGradeOf } from '../domain/attempt-score';
import { Quiz, QuizAttempt } from '../entities';

export interface LearnerGain {
  userId: string;
  /**
   * The learner's first pre-test attempt, once graded: where they started. Null while it waits
   * for a mark (a retake graded sooner is not the starting point).
   */
  pre: number | null;
  /** The post-test grade by its grading method. */
  post: number | null;
  /** post − pre, in percentage points; null unless both exist. */
  gain: number | null;
}

export interface CourseGain {
  courseId: string;
  /** Learners with both a pre-test and a post-test grade. */
  learners: number;
  preMean: number | null;
  postMean: number | null;
  gainMean: number | null;
  /** Hake's normalised gain, mean of (post − pre) / (100 − pre): comparable across courses. */
  normalisedGainMean: number | null;
}

/** Evaluation level 2 (learning): the pre-test/post-test pair of a course. */
@Injectable()
export class LearningGainService {
  constructor(private readonly tx: TransactionRunner) {}

  async ofLearners(courseId: string, userIds?: string[]): Promise<LearnerGain[]> {
    const quizzes = await this.tx.run((m) => m.findBy(Quiz, { courseId, role: In(['pre', 'post']) }));
    const pre = quizzes.filter((q) => q.role === 'pre').map((q) => q.id);
    const post = quizzes.filter((q) => q.role === 'post');
    if (!pre.length && !post.length) return [];
    const attempts = await this.tx.run((m) =>
      m.find(QuizAttempt, {
        select: { userId: true, quizId: true, number: true, status: true, percentHundredths: true },
        where: {
          quizId: In(quizzes.map((q) => q.id)),
          status: In([...FINISHED_STATUSES]),
          ...(userIds ? { userId: In(userIds) } : {}),
        },
        order: { number: 'ASC' },
      }),
    );
    const preIds = new Set(pre);
    // One pass to group by learner (a course may have 50,000 learners and twice as many attempts).
    return [...groupBy(attempts, (a) => a.userId)].map(([userId, mine]) => {
      const first = mine.find((a) => preIds.has(a.quizId));
      const preGrade = first ? finishedAttempt(first).percent : null;
      // By the quiz's own grade: "last" waits while the newest attempt waits for a mark.
      const postGrades = post
        .map((q) => quizGradeOf(q.gradingMethod, mine.filter((a) => a.quizId === q.id).map(finishedAttempt)))
        .filter((g): g is number => g !== null);
      const postGrade = postGrades.length ? Math.max(...postGrades) : null;
      return {
        userId,
        pre: preGrade,
        post: postGrade,
        gain: preGrade !== null && postGrade !== null ? round(postGrade - preGrade) : null,
      };
    });
  }

  async ofCourse(courseId: string): Promise<CourseGain> {
    const both = (await this.ofLearners(courseId)).filter((g) => g.gain !== null);
    const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
    const normalised = both.filter((g) => g.pre! < 100).map((g) => (g.post! - g.pre!) / (100 - g.pre!));
    return {
      courseId,
      learners: both.length,
      preMean: mean(both.map((g) => g.pre!)),
      postMean: mean(both.map((g) => g.post!)),
      gainMean: mean(both.map((g) => g.gain!)),
      normalisedGainMean: normalised.length
        ? Math.round((normalised.reduce((a, b) => a + b, 0) / normalised.length) * 10_000) / 10_000
        : null,
    };
  }

  /**
   * The learner's post-test grades by course (grading method applied), passed or not. A quiz
   * whose grade waits (with "last", its newest attempt awaits a mark) has no result yet.
   */
  async postTestResults(userId: string): Promise<PostTestResult[]> {
    return this.tx.run(async (m) => {
      const attempts = await m.find(QuizAttempt, {
        select: { quizId: true, number: true, status: true, percentHundredths: true, submittedAt: true },
        where: { userId, status: In([...FINISHED_STATUSES]) },
        order: { number: 'ASC' },
      });
      const byQuiz = groupBy(attempts, (a) => a.quizId);
      if (byQuiz.size === 0) return [];
      const posts = await m.findBy(Quiz, { id: In([...byQuiz.keys()]), role: 'post' });
      return posts.flatMap((q) => {
        const mine = byQuiz.get(q.id)!;
        const percent = quizGradeOf(q.gradingMethod, mine.map(finishedAttempt));
        if (percent === null) return [];
        const last = mine.filter((a) => a.status === 'graded').pop()!;
        return [
          {
            courseId: q.courseId,
            quizId: q.id,
            percent,
            passed: passes(percent, q.passPercent),
            at: last.submittedAt,
          },
        ];
      });
    });
  }
}

/** Items by key, each list in the items' order; keys in order of first appearance. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface PostTestResult {
  courseId: string;
  quizId: string;
  percent: number;
  passed: boolean;
  at: Date | null;
}
