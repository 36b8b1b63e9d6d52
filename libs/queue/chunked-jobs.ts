import { newId } from '../common';

/**
 * Jobs over a long list, one per chunk (each with its own jobId: every change asks anew, and
 * the job recomputes from the current state, so repeats are harmless).
 */
export function jobsPerChunk<T, P>(
  items: T[],
  size: number,
  payload: (chunk: T[]) => P,
): Array<{ payload: P; jobId: string }> {
  const jobs: Array<{ payload: P; jobId: string }> = [];
  for (let i = 0; i < items.length; i += size)
    jobs.push({ payload: payload(items.slice(i, i + size)), jobId: newId() });
  return jobs;
}
