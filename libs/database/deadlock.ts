import type { EntityManager } from 'typeorm';
import type { TransactionRunner } from './transaction-runner';

/** MySQL/MariaDB chose this transaction as a deadlock victim (errno 1213): running it again is safe. */
export function isDeadlock(err: unknown): boolean {
  const e = err as { errno?: number; driverError?: { errno?: number } };
  return (e?.driverError?.errno ?? e?.errno) === 1213;
}

/**
 * Runs a unit of work, again when it lost a deadlock (it was rolled back whole). For work
 * whose locks cannot be taken in one global order, e.g. two first refreshes of the same new
 * row that both insert-ignore it and then lock it.
 */
export async function runRetryingDeadlocks<T>(
  tx: TransactionRunner,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx.run(work);
    } catch (err) {
      if (!isDeadlock(err) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
