import { EntityManager } from 'typeorm';
import { NodeSource } from './node-sources';

/** What the rebuild job needs of a leaf kind. */
export interface RebuildableLeaves {
  readonly name: string;
  /**
   * Recomputes and stores the leaves after `cursor` from the sources (one batch, set-based
   * where it can be) and returns how many it wrote and where to go on (null when done).
   * Leaves whose key no longer exists in the sources are removed by the batch that passes them.
   */
  rebuildBatch(m: EntityManager, cursor: string | null): Promise<{ count: number; next: string | null }>;
  /** How the kind's node tables are summed from its leaves (each table from one kind only). */
  readonly nodeSources: readonly NodeSource[];
}

/** Injection token: every leaf kind, in rebuild order. */
export const REBUILDABLE_LEAVES = Symbol('REBUILDABLE_LEAVES');
