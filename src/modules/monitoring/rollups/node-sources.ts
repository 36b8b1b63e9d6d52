import { NODE_TABLES, NodeTableName } from './node-tables';

type KeyOf<T extends NodeTableName> = (typeof NODE_TABLES)[T]['keys'][number];
type CounterOf<T extends NodeTableName> = (typeof NODE_TABLES)[T]['counters'][number];

/** The counted rows of a leaf table: every leaf table has region_code; the unit column varies. */
interface LeafRows {
  /** The leaf table. */
  from: string;
  /** The leaves that count (SQL over the leaf columns, e.g. 'applied = 1'). */
  where: string;
  /** The column holding the unit ('' and NULL: none, the leaf counts at its region only). */
  unit: string;
}

/**
 * A node table whose dimensions and counters are plain SQL over the leaf columns: the
 * database sums it (GROUP BY), so no leaf goes through Node.
 */
export interface SqlNodeSource<T extends NodeTableName = NodeTableName> extends LeafRows {
  table: T;
  /** Per dimension of the node table, its SQL expression over a leaf. */
  keys: Record<KeyOf<T>, string>;
  /** Per counter, what one leaf adds to it (an SQL expression over the leaf, summed per node). */
  counters: Record<CounterOf<T>, string>;
  /**
   * The leaf key is the unit row's key (the unit and every dimension): each leaf is a unit
   * row of its own, compared with the stored one rather than grouped and written again.
   */
  oneLeafPerRow?: boolean;
  /**
   * The leading primary-key column of a large leaf table: the GROUP BY by region then runs
   * over ranges of it, so that each temporary table stays in memory (MariaDB writes one of
   * more than 16 MB to disk, which took most of that query's time for the course leaves).
   */
  batchBy?: string;
}

/**
 * A node table whose rows come from text in the leaf (JSON that portable SQL cannot read):
 * the leaves that contribute are read raw and expanded in Node.
 */
export interface TextNodeSource<T extends NodeTableName = NodeTableName> extends LeafRows {
  table: T;
  /** The leaf columns `parts` reads. */
  columns: readonly string[];
  /** What one leaf adds to each of its nodes. */
  parts(
    row: Record<string, unknown>,
  ): Array<{ key: Record<KeyOf<T>, string | number>; counters: Partial<Record<CounterOf<T>, number>> }>;
}

export type NodeSource = { [T in NodeTableName]: SqlNodeSource<T> | TextNodeSource<T> }[NodeTableName];

/** A SQL source with its expressions in the order of the node table's keys and counters. */
export function compileSqlSource(source: SqlNodeSource) {
  const { keys, counters } = NODE_TABLES[source.table];
  const keyExprs = keys.map((k) => (source.keys as Record<string, string>)[k]);
  return {
    table: source.table,
    from: source.from,
    where: source.where,
    unit: source.unit,
    oneLeafPerRow: source.oneLeafPerRow ?? false,
    batchBy: source.batchBy,
    keys,
    counters,
    keyExprs,
    counterExprs: counters.map((c) => (source.counters as Record<string, string>)[c]),
    /** The leaves with a unit. */
    units: `${source.where} AND ${source.unit} IS NOT NULL AND ${source.unit} <> ''`,
    /** Their unit rows' keys. */
    unitKeys: [...keyExprs, source.unit].join(', '),
  };
}

export type CompiledSqlSource = ReturnType<typeof compileSqlSource>;
