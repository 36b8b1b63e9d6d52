import { Column, ColumnOptions, DataSource } from 'typeorm';
import { isMysqlFamily } from './dialect';

const LONG_TEXT: Array<{ target: Function; propertyName: string }> = [];

/**
 * A text column that may outgrow MySQL's TEXT (65,535 bytes): a frozen 150-question quiz, a
 * few long essays, a long lesson, a list of thousands of NIPs. MEDIUMTEXT there (16 MB);
 * SQLite's TEXT has no such limit. TypeORM knows no type name both accept, so the entity
 * says TEXT and `widenLongText` tells a MySQL data source what the migration made it.
 */
export function LongTextColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  const column = Column({ ...options, type: 'text' });
  return (target, propertyName) => {
    LONG_TEXT.push({ target: target.constructor, propertyName: String(propertyName) });
    column(target, propertyName);
  };
}

/** On MySQL/MariaDB, the long text columns are MEDIUMTEXT (called right after initialize). */
export function widenLongText(dataSource: DataSource): DataSource {
  if (!isMysqlFamily(dataSource)) return dataSource;
  for (const metadata of dataSource.entityMetadatas) {
    for (const column of metadata.columns) {
      if (LONG_TEXT.some((l) => l.target === metadata.target && l.propertyName === column.propertyName)) {
        column.type = 'mediumtext';
      }
    }
  }
  return dataSource;
}
