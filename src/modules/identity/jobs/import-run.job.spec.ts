import { DomainException } from '../../../../libs/common';
import { itFailsTheRunWhenGivenUp } from '../../../../libs/queue/job-registry.testing';
import { IdentityError } from '../identity.errors';
import { ImportRunner } from '../import/import-runner';
import { ImportRunJob } from './import-run.job';

describe('an ASN import run that keeps failing', () => {
  const given = itFailsTheRunWhenGivenUp({
    name: 'identity.import-run',
    job: (runner: ImportRunner) => new ImportRunJob(runner),
    payload: { importId: 'imp1' },
    runId: 'imp1',
    failMethod: 'markFailed',
    exhausted: 'The import stopped after repeated errors; the rows so far are kept',
  });

  it('fails an unreadable file at once with its problem, and the job itself succeeds', async () => {
    const { fail, run } = given(new DomainException(IdentityError.IMPORT_FILE_INVALID, 'The file is not a CSV'));
    await expect(run(1)).resolves.toBeUndefined();
    expect(fail).toHaveBeenCalledTimes(1);
    expect(fail).toHaveBeenCalledWith('imp1', 'The file is not a CSV');
  });
});
