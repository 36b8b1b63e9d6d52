import { MigrationInterface, QueryRunner } from 'typeorm';

/** Development plans, area "evaluation": its tables (written with the area). */
export class Evaluation1764740000000 implements MigrationInterface {
  name = 'Evaluation1764740000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
