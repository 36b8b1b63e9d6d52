import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A post-test's grade became final or changed (evaluation level 2, development plans). */
export interface PostTestGraded {
  attemptId: string;
  gradeVersion: number;
  userId: string;
  courseId: string;
  quizId: string;
  /** The quiz grade by its grading method, 0-100. */
  percent: number;
  passed: boolean;
  /**
   * Set when the event is sent again for the same grade because the quiz's settings changed
   * (pass mark, grading method): subscribers that drop repeats of a grade version key on it too.
   */
  resentFor?: string;
}

/** Runs inside the grading outcome's transaction: enqueue work there, do not do it. */
export type PostTestListener = (manager: EntityManager, event: PostTestGraded) => Promise<void>;

/** Modules that act on post-test grades register here (through AssessmentApi). */
@Injectable()
export class PostTestSubscribers {
  private readonly listeners: PostTestListener[] = [];

  subscribe(listener: PostTestListener): void {
    this.listeners.push(listener);
  }

  async notify(manager: EntityManager, event: PostTestGraded): Promise<void> {
    for (const listener of this.listeners) await listener(manager, event);
  }
}
