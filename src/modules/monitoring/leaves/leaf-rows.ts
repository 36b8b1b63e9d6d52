import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { forUpdateOn, multiRowInsert, OnDuplicateKey, sqlValues } from '../../../../libs/database';
import { OrganisationApi } from '../../organisation/organisation.api';

/** The stored leaf, locked for this transaction on MySQL (SQLite's single writer serialises). */
export function lockedLeaf<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  return m.findOne(entity, { where, ...forUpdateOn(m) });
}

/** Rows per statement: the widest leaf has 11 columns, well under SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 1000;

/** Inserts rows unless their key is there already (the placeholder a refresh then locks). */
export function insertIgnore<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: Array<Partial<T>>,
): Promise<void> {
  return insertRows(m, entity, rows, 'ignore');
}

/**
 * Inserts rows or overwrites the stored ones with the same key. Not `EntityManager.upsert`:
 * that reads every row back afterwards (for defaults), one OR-ed key per row, which took half
 * a second per 500 leaves on MariaDB.
 */
export function upsertRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: Array<Partial<T>>,
): Promise<void> {
  return insertRows(m, entity, rows, 'overwrite');
}

/**
 * Multi-row INSERTs in plain SQL, of the columns the first row has (every row must have the
 * same). Not the query builder: its parameter handling was the largest part of the rebuild's
 * CPU time (6 of 18 s for the course leaves of the 50,000-ASN data set). Values go to the
 * driver as the query builder sent them: booleans as 1/0, instants as UTC datetime text.
 */
async function insertRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: Array<Partial<T>>,
  onDuplicate: 'ignore' | 'overwrite',
): Promise<void> {
  if (rows.length === 0) return;
  const meta = m.connection.getMetadata(entity);
  const columns = meta.columns.filter((c) => c.propertyName in rows[0]);
  const names = columns.map((c) => c.databaseName);
  const keys = columns.filter((c) => c.isPrimary).map((c) => c.databaseName);
  const others = columns.filter((c) => !c.isPrimary).map((c) => c.databaseName);
  const conflict: OnDuplicateKey =
    onDuplicate === 'overwrite' && others.length > 0
      ? { kind: 'overwrite', keys, columns: others }
      : { kind: 'ignore' };
  const properties = columns.map((c) => c.propertyName);
  const sqlValue = sqlValues();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    for (const row of chunk) for (const p of properties) params.push(sqlValue(row[p]));
    await m.query(multiRowInsert(m.connection, meta.tableName, names, chunk.length, conflict), params);
  }
}

/** The region of each unit id ('' and unknown units: none), read through the organisation facade. */
export async function regionsOfUnits(
  organisation: OrganisationApi,
  unitKeys: string[],
): Promise<Map<string, string | null>> {
  const ids = [...new Set(unitKeys)].filter(Boolean);
  return ids.length ? organisation.regionsOfUnits(ids) : new Map();
}
