import { EntityManager } from 'typeorm';

/** Runs inside the producer's transaction: enqueue work there (outbox), do not do it. */
export type InTxListener<E> = (manager: EntityManager, event: E) => Promise<void>;

/**
 * Listeners another module registers on a facade (e.g. `LearningApi.onEnrolmentsChanged`)
 * and the producer calls inside its transaction, so that a rolled-back change is never
 * announced and a committed one always is.
 */
export class InTxListeners<E> {
  private readonly listeners: InTxListener<E>[] = [];

  subscribe(listener: InTxListener<E>): void {
    this.listeners.push(listener);
  }

  async notify(manager: EntityManager, event: E): Promise<void> {
    for (const listener of this.listeners) await listener(manager, event);
  }
}
