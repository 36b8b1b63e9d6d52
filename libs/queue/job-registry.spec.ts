import { assertOneHandlerEach } from './job-registry';
import { JOB_NAMES } from './jobs';

const everyJobOnce = () => new Map(JOB_NAMES.map((name) => [name as string, [`${name}-handler`]]));

describe('the start-up check of job handlers', () => {
  it('passes when every declared job has exactly one handler', () => {
    expect(() => assertOneHandlerEach(everyJobOnce())).not.toThrow();
  });

  it('names a job without a handler', () => {
    const found = everyJobOnce();
    found.delete('identity.import-run');
    expect(() => assertOneHandlerEach(found)).toThrow(/identity\.import-run has no handler/);
  });

  it('names a job with two handlers', () => {
    const found = everyJobOnce();
    found.set('platform.housekeeping', ['A', 'B']);
    expect(() => assertOneHandlerEach(found)).toThrow(/platform\.housekeeping has 2 handlers \(A, B\)/);
  });

  it('names a handler for a job nobody declared', () => {
    const found = everyJobOnce();
    found.set('made.up', ['X']);
    expect(() => assertOneHandlerEach(found)).toThrow(/made\.up is handled but not declared/);
  });
});
