import { itFailsTheRunWhenGivenUp } from '../../../../../libs/queue/job-registry.testing';
import { NeedsRunner } from '../analysis/needs-runner';
import { NeedsRunJob } from './needs-run.job';

describe('a needs analysis run that keeps failing', () => {
  itFailsTheRunWhenGivenUp({
    name: 'development-plans.needs-run',
    job: (runner: NeedsRunner) => new NeedsRunJob(runner),
    payload: { runId: 'run1' },
    runId: 'run1',
    failMethod: 'fail',
    exhausted: 'Stopped after repeated errors; start the analysis again',
  });
});
