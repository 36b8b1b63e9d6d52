import { MigrationInterface, QueryRunner } from 'typeorm';

/** Development plans, area "needs": its tables (written with the area). */
export class NeedsAnalysis1764700000000 implements MigrationInterface {
  name = 'NeedsAnalysis1764700000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
