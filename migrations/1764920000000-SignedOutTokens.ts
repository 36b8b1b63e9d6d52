import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../libs/database/schema';

/**
 * user_account.signed_out_tokens: the unexpired tokens a person signed out of. Signing out
 * only cleared the browser's cookie, so a copy of it (or of a bearer token) worked until it
 * expired, eight hours later; now it is refused from the sign-out on.
 */
export class SignedOutTokens1764920000000 implements MigrationInterface {
  name = 'SignedOutTokens1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('user_account', new TableColumn(column.text('signed_out_tokens', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('user_account', 'signed_out_tokens');
  }
}
