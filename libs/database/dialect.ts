import type { DataSource } from 'typeorm';

/** MySQL and MariaDB share SQL features the code relies on (row locks, advisory locks). */
export function isMysqlFamily(dataSource: Pick<DataSource, 'options'>): boolean {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
}
