import { Injectable } from '@nestjs/common';
import { PostTestListener, PostTestSubscribers } from './attempts/post-test-subscribers';
import { CourseGain, LearnerGain, LearningGainService, PostTestResult } from './grading/learning-gain.service';

export type { CourseGain, LearnerGain, PostTestResult } from './grading/learning-gain.service';
export type { PostTestGraded, PostTestListener } from './attempts/post-test-subscribers';

/** What other modules (development plans, monitoring) may ask of the assessment module. */
@Injectable()
export class AssessmentApi {
  constructor(
    private readonly gains: LearningGainService,
    private readonly postTests: PostTestSubscribers,
  ) {}

  /** Called in the grading outcome's transaction whenever a post-test grade is final or changes. */
  onPostTestGraded(listener: PostTestListener): void {
    this.postTests.subscribe(listener);
  }

  /** The learner's post-test grades, one per post-test quiz taken. */
  postTestResults(userId: string): Promise<PostTestResult[]> {
    return this.gains.postTestResults(userId);
  }

  /** Pre/post-test gain per learner of a course (evaluation level 2). */
  learningGains(courseId: string, userIds?: string[]): Promise<LearnerGain[]> {
    return this.gains.ofLearners(courseId, userIds);
  }

  courseGain(courseId: string): Promise<CourseGain> {
    return this.gains.ofCourse(courseId);
  }
}
