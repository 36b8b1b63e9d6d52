import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../libs/database/schema';

/**
 * When a person's tokens start to count (user_account.sessions_valid_from): a token issued
 * before it is refused. A password change sets it, so a stolen token or session cookie stops
 * working the moment its owner changes the password. Null: every unexpired token counts.
 */
export class SessionsValidFrom1764800000000 implements MigrationInterface {
  name = 'SessionsValidFrom1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('user_account', new TableColumn(column.datetime('sessions_valid_from', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('user_account', 'sessions_valid_from');
  }
}
