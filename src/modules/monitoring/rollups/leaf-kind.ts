import { EntityManager } from 'typeorm';
import { NodeTableName } from './node-tables';

/** What one leaf adds to every node above it: rows of a node table (dimension keys + counters). */
export interface LeafContribution {
  regionCode: string | null;
  unitId: string | null;
  rows: Array<{
    table: NodeTableName;
    key: Record<string, string | number>;
    counters: Record<string, number>;
  }>;
}

/**
 * One kind of leaf (a person's JP of a year, a course's enrolments in a unit, ...). The
 * engine (LeafRefresher) locks the stored leaf, asks the kind to compute it afresh from the
 * source modules (through their facades), applies the difference of the two contributions
 * to the node rows and stores the new leaf: idempotent and independent of event order.
 */
export interface LeafKind<K, S> {
  readonly name: string;
  /** Creates the leaf row as an unapplied placeholder when absent, so that it can be locked. */
  claim(m: EntityManager, key: K): Promise<void>;
  /** The stored leaf (locked on MySQL); null when it does not count (placeholder or absent). */
  readLocked(m: EntityManager, key: K): Promise<S | null>;
  /** The leaf as the sources say it is now; null when it should not count at all. */
  compute(m: EntityManager, key: K): Promise<S | null>;
  /** The same for many keys with a few queries (imports move thousands of people at once). */
  computeMany?(m: EntityManager, keys: K[]): Promise<Array<S | null>>;
  /**
   * Optional bulk forms of claim, readLocked and write (keys in the engine's order), so that a
   * batch of events costs a handful of statements instead of a handful per event.
   */
  claimMany?(m: EntityManager, keys: K[]): Promise<void>;
  readLockedMany?(m: EntityManager, keys: K[]): Promise<Array<S | null>>;
  writeMany?(m: EntityManager, keys: K[], states: Array<S | null>): Promise<void>;
  /** Stores the leaf (null: unapplied or deleted). */
  write(m: EntityManager, key: K, state: S | null): Promise<void>;
  contribution(state: S): LeafContribution;
}
