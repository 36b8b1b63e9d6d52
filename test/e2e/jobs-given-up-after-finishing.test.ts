import { Logger } from '@nestjs/common';
import { ObjectLiteral } from 'typeorm';
import { newId } from '../../libs/common';
import { JobName, JobPayloads, JobRegistry } from '../../libs/queue';
import { createTestApp, TestApp } from '../../libs/testing';
import { Questionnaire } from '../../src/modules/development-plans/needs-signals/entities';
import { NeedsRun } from '../../src/modules/development-plans/needs/entities';
import { UserImport } from '../../src/modules/identity/entities';
import { CourseAssignment } from '../../src/modules/learning/entities';

/**
 * BullMQ gives a job up when its workers died holding it too often, and the handler's givenUp
 * is told although its handler did not run in that delivery: a worker may have finished the
 * run before it died, or another may still be running it. A finished run stays finished; one
 * still queued or running is failed, with why, as after the handler's own last try.
 */
describe('long runs given up by the queue after they finished', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const stalled = () => new Error('job stalled more than allowable limit');
  const givenUp = <N extends JobName>(name: N, payload: JobPayloads[N]) =>
    t.get(JobRegistry).givenUp(name, payload, stalled(), { jobId: `${name}-stalled`, attempt: 1 });

  interface Case<E extends ObjectLiteral, N extends JobName> {
    job: N;
    entity: new () => E;
    finished: E['status'];
    /** The why column, which a given-up run fills. */
    why: 'failure' | 'error';
    row: (id: string, status: E['status']) => Partial<E>;
    payload: (id: string) => JobPayloads[N];
  }
  const now = () => new Date();
  const cases = [
    {
      job: 'identity.import-run',
      entity: UserImport,
      finished: 'completed',
      why: 'failure',
      row: (id, status) => ({
        id,
        createdById: newId(),
        scopeRegionCode: null,
        fileName: 'asn.csv',
        fileKey: `imports/${id}`,
        format: 'csv',
        status,
        failure: null,
        createdAt: now(),
        finishedAt: null,
      }),
      payload: (importId) => ({ importId }),
    } satisfies Case<UserImport, 'identity.import-run'>,
    {
      job: 'learning.assignment-run',
      entity: CourseAssignment,
      finished: 'done',
      why: 'error',
      row: (id, status) => ({
        id,
        courseId: newId(),
        createdBy: newId(),
        scopeRegionCode: null,
        filterJson: '{}',
        nips: null,
        deadline: null,
        status,
        cursor: null,
        error: null,
        createdAt: now(),
        finishedAt: null,
      }),
      payload: (assignmentId) => ({ assignmentId }),
    } satisfies Case<CourseAssignment, 'learning.assignment-run'>,
    {
      job: 'development-plans.needs-run',
      entity: NeedsRun,
      finished: 'done',
      why: 'error',
      row: (id, status) => ({
        id,
        regionCode: '12',
        unitId: null,
        status,
        afterId: null,
        error: null,
        requestedBy: newId(),
        createdAt: now(),
        startedAt: null,
        finishedAt: null,
      }),
      payload: (runId) => ({ runId }),
    } satisfies Case<NeedsRun, 'development-plans.needs-run'>,
    {
      job: 'development-plans.questionnaire-send',
      entity: Questionnaire,
      finished: 'done',
      why: 'error',
      row: (id, status) => ({
        id,
        title: 'Kebutuhan pelatihan',
        kind: 'training-needs',
        dueOn: null,
        scopeRegionCode: null,
        filterJson: '{}',
        status,
        cursor: null,
        error: null,
        createdBy: newId(),
        createdAt: now(),
        finishedAt: null,
      }),
      payload: (questionnaireId) => ({ questionnaireId }),
    } satisfies Case<Questionnaire, 'development-plans.questionnaire-send'>,
  ] as Array<Case<ObjectLiteral, JobName>>;

  describe.each(cases)('$job', ({ job, entity, finished, why, row, payload }) => {
    const stored = async (status: string) => {
      const id = newId();
      await t.dataSource.getRepository(entity).insert(row(id, status));
      return id;
    };
    const read = async (id: string) =>
      (await t.dataSource.getRepository(entity).findOneByOrFail({ id })) as ObjectLiteral;

    it('leaves a finished run finished, without a why', async () => {
      const id = await stored(finished);
      await givenUp(job, payload(id));
      expect(await read(id)).toMatchObject({ status: finished, [why]: null });
    });

    it('leaves a failed run with its own why', async () => {
      const id = await stored('failed');
      await t.dataSource.getRepository(entity).update({ id }, { [why]: 'the first reason' });
      await givenUp(job, payload(id));
      expect(await read(id)).toMatchObject({ status: 'failed', [why]: 'the first reason' });
    });

    it.each(['queued', 'running'])('fails a run still %s, with why', async (status) => {
      const id = await stored(status);
      await givenUp(job, payload(id));
      expect(await read(id)).toMatchObject({ status: 'failed', [why]: expect.stringContaining('repeated errors') });
    });
  });
});
