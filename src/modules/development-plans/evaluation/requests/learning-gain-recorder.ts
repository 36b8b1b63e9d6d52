import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../../libs/common';
import { AssessmentApi, PostTestGraded } from '../../../assessment/assessment.api';
import { IdentityApi } from '../../../identity/identity.api';
import { LearningGain } from '../entities';
import { wibYear as wibYearOf } from '../../../../../libs/common';
import { EvaluationRecorded } from '../evaluation-recorded';

/**
 * Keeps level 2 per learner and course: whenever a post-test grade is final or changes, the
 * gain as the assessment module computes it (first pre-test vs the post-test by its grading
 * method) is stored in the grading transaction. Unit and year are fixed by the first record,
 * so a regrade moves the numbers, never the place they count in. A pre-test graded after the
 * post-test is picked up at the next post-test grade.
 */
@Injectable()
export class LearningGainRecorder implements OnModuleInit {
  constructor(
    private readonly assessment: AssessmentApi,
    private readonly identity: IdentityApi,
    private readonly recorded: EvaluationRecorded,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.assessment.onPostTestGraded((m, event) => this.record(m, event));
  }

  async record(m: EntityManager, { userId, courseId }: PostTestGraded): Promise<void> {
    const [gain] = await this.assessment.learningGains(courseId, [userId]);
    const existing = await m.findOneBy(LearningGain, { courseId, userId });
    if (!gain || gain.pre === null || gain.post === null) {
      if (!existing) return;
      await m.delete(LearningGain, { courseId, userId });
      await this.recorded.notify(m, [{ unitKey: existing.unitId ?? '', year: existing.year }]);
      return;
    }
    const now = this.clock.now();
    const values = {
      preHundredths: Math.round(gain.pre * 100),
      postHundredths: Math.round(gain.post * 100),
      gainHundredths: Math.round((gain.gain ?? gain.post - gain.pre) * 100),
      updatedAt: now,
    };
    let place = existing && { unitKey: existing.unitId ?? '', year: existing.year };
    if (existing) {
      await m.update(LearningGain, { courseId, userId }, values);
    } else {
      const [person] = await this.identity.factsOf([userId]);
      const row = { courseId, userId, unitId: person?.unitId ?? null, year: wibYearOf(now), ...values };
      await m.createQueryBuilder().insert().into(LearningGain).values(row).orIgnore().updateEntity(false).execute();
      place = { unitKey: row.unitId ?? '', year: row.year };
    }
    await this.recorded.notify(m, [place!]);
  }
}
