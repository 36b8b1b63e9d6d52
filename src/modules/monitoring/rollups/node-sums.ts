import { CounterRow } from '../../../../libs/database';
import { NATION, NodeKind, parentRegionOf } from './node-path';
import { NODE_TABLES, NodeTableName } from './node-tables';

export interface NodeSum {
  node: string;
  parent: string | null;
  nodeKind: NodeKind;
  /** The dimension values, in the order of the table's keys. */
  values: ReadonlyArray<string | number>;
  /** The counters, in the order of the table's counters. */
  sums: number[];
}

/**
 * Counters summed per dimensions and node, as arrays in maps keyed by the dimension values
 * joined: building a row object and a key string per addition made the garbage collector
 * the rebuild's main cost in Node. Rows are built only for what gets written.
 */
export class NodeSums {
  private readonly byDimensions = new Map<string, Map<string, NodeSum>>();

  constructor(private readonly table: NodeTableName) {}

  /** The key of a row's dimension values (as stored rows give them, too). */
  static dimensionsOf(values: ReadonlyArray<unknown>): string {
    return values.join('\u0000');
  }

  /** Adds to a node's row; of two parents for one unit, the smallest (as MIN in SQL) stays. */
  add(node: string, parent: string | null, nodeKind: NodeKind, values: NodeSum['values'], sums: readonly number[]) {
    this.addTo(this.nodesOf(values), node, parent, nodeKind, values, sums);
  }

  /** Adds to the region `region` (null: none) and every node above it, up to the nation. */
  addUp(region: string | null, values: NodeSum['values'], sums: readonly number[]): void {
    const nodes = this.nodesOf(values);
    for (let node: string | null = region || NATION; node !== null; node = parentRegionOf(node)) {
      this.addTo(nodes, node, parentRegionOf(node), node === NATION ? 'N' : 'R', values, sums);
    }
  }

  /** Removes and returns a node's sums (the reconciliation takes what is stored already). */
  take(node: string, dimensions: string): NodeSum | undefined {
    const nodes = this.byDimensions.get(dimensions);
    const sum = nodes?.get(node);
    if (sum) nodes!.delete(node);
    return sum;
  }

  *all(): IterableIterator<NodeSum> {
    for (const nodes of this.byDimensions.values()) yield* nodes.values();
  }

  /** The node row of a sum, with the given counters (the sums themselves, or a difference). */
  rowOf(sum: NodeSum, counters: readonly number[] = sum.sums): CounterRow {
    const table = NODE_TABLES[this.table];
    const row: CounterRow = { node: sum.node, parent: sum.parent, node_kind: sum.nodeKind };
    for (let i = 0; i < table.keys.length; i++) row[table.keys[i]] = sum.values[i];
    for (let i = 0; i < table.counters.length; i++) row[table.counters[i]] = counters[i];
    return row;
  }

  private nodesOf(values: NodeSum['values']): Map<string, NodeSum> {
    const dimensions = NodeSums.dimensionsOf(values);
    let nodes = this.byDimensions.get(dimensions);
    if (!nodes) this.byDimensions.set(dimensions, (nodes = new Map()));
    return nodes;
  }

  private addTo(
    nodes: Map<string, NodeSum>,
    node: string,
    parent: string | null,
    nodeKind: NodeKind,
    values: NodeSum['values'],
    sums: readonly number[],
  ): void {
    const sum = nodes.get(node);
    if (!sum) {
      nodes.set(node, { node, parent, nodeKind, values, sums: [...sums] });
      return;
    }
    if (parent !== null && sum.parent !== null && parent < sum.parent) sum.parent = parent;
    for (let i = 0; i < sums.length; i++) sum.sums[i] += sums[i];
  }
}
