import { MigrationInterface, QueryRunner } from 'typeorm';

/** Development plans, area "needs-signals": its tables (written with the area). */
export class NeedsSignals1764710000000 implements MigrationInterface {
  name = 'NeedsSignals1764710000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
