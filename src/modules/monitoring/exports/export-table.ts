import { ExportColumn } from '../../../../libs/content';
import { VisibleNode } from '../dashboard/node-scope';

export type ExportRow = Record<string, unknown>;

/** A table an export writes: its sheet name, columns, size and rows a batch at a time. */
export interface ExportTable {
  title: string;
  /** The node the rows lie under (stored with the export, so the job re-checks the same node). */
  node: VisibleNode;
  /** The year its rows are of, where it has one: stored with the export, so the job writes the year the admin asked for even after 1 January comes. */
  year?: number;
  columns: ExportColumn<ExportRow>[];
  /** How many rows to expect (the progress bar's end). */
  total(): Promise<number>;
  /** Every row in order, about `size` at a time. */
  batches(size: number): AsyncIterable<ExportRow[]>;
}

/** A column showing one field of the row. */
export const col = (header: string, key: string): ExportColumn<ExportRow> => ({
  header,
  value: (r) => (r[key] === undefined ? null : (r[key] as string | number | null)),
});

/** A table small enough to read at once (a node's children, its courses): loaded on first use, handed out in batches. */
export function smallTable(
  title: string,
  node: VisibleNode,
  columns: ExportColumn<ExportRow>[],
  load: () => Promise<ExportRow[]>,
  year?: number,
): ExportTable {
  let loaded: Promise<ExportRow[]> | null = null;
  const all = () => (loaded ??= load());
  return {
    title,
    node,
    year,
    columns,
    total: async () => (await all()).length,
    async *batches(size) {
      const rows = await all();
      for (let at = 0; at < rows.length; at += size) yield rows.slice(at, at + size);
    },
  };
}
