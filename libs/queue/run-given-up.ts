import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PermanentJobError } from './jobs';

/**
 * Ends a long job's run (an import, an assignment, a needs analysis, a sending) as failed,
 * with `columns` saying why, but only while it is still queued or running: a run that a
 * worker finished before it died stays done. Returns whether this call failed it.
 */
export async function failUnfinishedRun<E extends ObjectLiteral & { id: string; status: string }>(
  m: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  columns: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  const unfinished = { id, status: In(['queued', 'running']) } as unknown as FindOptionsWhere<E>;
  const result = await m.update(entity, unfinished, { ...columns, status: 'failed' } as QueryDeepPartialEntity<E>);
  return result.affected === 1;
}

/** Why a given-up run failed: a permanent error's own words, else that its tries ran out (`advice` says what to do). */
export function givenUpReason(error: unknown, advice: string): string {
  return error instanceof PermanentJobError ? error.message : advice;
}
