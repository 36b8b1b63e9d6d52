import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * quiz_attempt.shapes_json moves from `[{"slot":1,"shape":{...}}]` to the compact arrays of
 * encodeShapes, which every autosave and submit parses in half the time. Shapes written in
 * the first form are cleared, not rewritten: an attempt without shapes has its answers
 * checked against its snapshot (as attempts started before shapes were kept), and closed
 * attempts never read them again. One form in the column, no reader for the old one.
 */
export class CompactAnswerShapes1764910000000 implements MigrationInterface {
  name = 'CompactAnswerShapes1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE quiz_attempt SET shapes_json = NULL WHERE shapes_json LIKE '[{%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The compact form is cleared the same way: the previous code reads no other.
    await q.query(`UPDATE quiz_attempt SET shapes_json = NULL WHERE shapes_json LIKE '[[%'`);
  }
}
