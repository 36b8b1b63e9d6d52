import { MigrationInterface, QueryRunner } from 'typeorm';

/** The issuer as a serial prints it (kept here as it was written: a migration does not change). */
const printed = (issuer: string) =>
  issuer
    .toUpperCase()
    .replace(/[^A-Z0-9.-]+/g, '-')
    .slice(0, 40);

/**
 * Serial counters were kept per raw unit code, while serials print the code upper-cased with
 * `_` as `-`: two units whose codes print alike counted from 1 each, and the second one's
 * certificates clashed with the first one's serials. Counters are now kept per printed
 * issuer; this merges the old ones, each merged counter at the highest number either gave.
 */
export class SerialCounterPerPrintedIssuer1764820000000 implements MigrationInterface {
  name = 'SerialCounterPerPrintedIssuer1764820000000';

  async up(q: QueryRunner): Promise<void> {
    const rows: Array<{ serial_key: string; last_number: number | string }> = await q.query(
      'SELECT serial_key, last_number FROM certificate_serial',
    );
    const merged = new Map<string, number>();
    for (const row of rows) {
      const at = row.serial_key.lastIndexOf(':');
      const key = `${printed(row.serial_key.slice(0, at))}${row.serial_key.slice(at)}`.slice(0, 60);
      merged.set(key, Math.max(merged.get(key) ?? 0, Number(row.last_number)));
    }
    const unchanged = rows.every((r) => merged.get(r.serial_key) === Number(r.last_number));
    if (unchanged && merged.size === rows.length) return;
    await q.query('DELETE FROM certificate_serial');
    for (const [key, last] of merged) {
      await q.query('INSERT INTO certificate_serial (serial_key, last_number) VALUES (?, ?)', [key, last]);
    }
  }

  async down(): Promise<void> {
    // The merged counters serve the old keys' units too; nothing to undo.
  }
}
