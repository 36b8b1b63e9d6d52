import { MigrationInterface, QueryRunner } from 'typeorm';

/** Development plans, area "mentoring": its tables (written with the area). */
export class Mentoring1764730000000 implements MigrationInterface {
  name = 'Mentoring1764730000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
