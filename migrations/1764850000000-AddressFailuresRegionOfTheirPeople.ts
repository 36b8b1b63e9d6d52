import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refused mail address was listed under the region its person was in when the mail
 * bounced. A job now moves it along when the person moves; this brings along those of
 * people who moved before (user_account.region_code, the region copied when it was marked).
 * Portable SQL (a correlated subquery), for SQLite and MySQL alike.
 */
export class AddressFailuresRegionOfTheirPeople1764850000000 implements MigrationInterface {
  name = 'AddressFailuresRegionOfTheirPeople1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'UPDATE notification_address_failure SET region_code = ' +
        '(SELECT u.region_code FROM user_account u WHERE u.id = notification_address_failure.user_id) ' +
        'WHERE EXISTS (SELECT 1 FROM user_account u WHERE u.id = notification_address_failure.user_id ' +
        "AND COALESCE(u.region_code, '') <> COALESCE(notification_address_failure.region_code, ''))",
    );
  }

  async down(): Promise<void> {
    // The regions replaced were stale: nothing to put back.
  }
}
