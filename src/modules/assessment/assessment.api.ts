import { Injectable } from '@nestjs/common';
import { CourseGain, LearnerGain, LearningGainService } from './grading/learning-gain.service';

export type { CourseGain, LearnerGain } from './grading/learning-gain.service';

/** What other modules (development plans, monitoring) may ask of the assessment module. */
@Injectable()
export class AssessmentApi {
  constructor(private readonly gains: LearningGainService) {}

  /** Pre/post-test gain per learner of a course (evaluation level 2). */
  learningGains(courseId: string, userIds?: string[]): Promise<LearnerGain[]> {
    return this.gains.ofLearners(courseId, userIds);
  }

  courseGain(courseId: string): Promise<CourseGain> {
    return this.gains.ofCourse(courseId);
  }
}
