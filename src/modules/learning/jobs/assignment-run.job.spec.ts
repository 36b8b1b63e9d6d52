import { itFailsTheRunWhenGivenUp } from '../../../../libs/queue/job-registry.testing';
import { AssignmentRunner } from '../assignments/assignment-runner';
import { AssignmentRunJob } from './assignment-run.job';

describe('an assignment run that keeps failing', () => {
  itFailsTheRunWhenGivenUp({
    name: 'learning.assignment-run',
    job: (runner: AssignmentRunner) => new AssignmentRunJob(runner),
    payload: { assignmentId: 'as1' },
    runId: 'as1',
    failMethod: 'fail',
    exhausted: 'Stopped after repeated errors; run it again to finish the rest',
  });
});
