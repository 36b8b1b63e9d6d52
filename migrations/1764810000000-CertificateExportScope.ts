import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { column } from '../libs/database/schema';

/**
 * The scope a certificate ZIP was built for (certificate_export.built_for: 'national' or a
 * region code), so that its download is refused to an admin who has since moved to another
 * region. Null: built before this column, downloaded as before.
 */
export class CertificateExportScope1764810000000 implements MigrationInterface {
  name = 'CertificateExportScope1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('certificate_export', new TableColumn(column.varchar('built_for', 20, { isNullable: true })));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('certificate_export', 'built_for');
  }
}
