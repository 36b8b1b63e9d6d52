import { MigrationInterface, QueryRunner } from 'typeorm';

/** Development plans, area "public-feedback": its tables (written with the area). */
export class PublicFeedback1764750000000 implements MigrationInterface {
  name = 'PublicFeedback1764750000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
