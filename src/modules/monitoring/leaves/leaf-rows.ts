import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { isMysqlFamily } from '../../../../libs/database';
import { OrganisationApi } from '../../organisation/organisation.api';

/** The stored leaf, locked for this transaction on MySQL (SQLite's single writer serialises). */
export function lockedLeaf<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  return m.findOne(entity, { where, ...(isMysqlFamily(m.connection) ? { lock: { mode: 'pessimistic_write' } } : {}) });
}

/** Inserts a row unless its key is there already (the placeholder a refresh then locks). */
export async function insertIgnore<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 500) as never)
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}

/**
 * Inserts rows or overwrites the stored ones with the same key, 500 per statement. Not
 * `EntityManager.upsert`: that reads every row back afterwards (for defaults), one OR-ed key
 * per row, which took half a second per 500 leaves on MariaDB.
 */
export async function upsertRows<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: Array<Partial<T>>,
): Promise<void> {
  const meta = m.connection.getMetadata(entity);
  const keys = meta.primaryColumns.map((c) => c.databaseName);
  const others = meta.columns.filter((c) => !c.isPrimary).map((c) => c.databaseName);
  for (let i = 0; i < rows.length; i += 500) {
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + 500) as never)
      .orUpdate(others, keys)
      .updateEntity(false)
      .execute();
  }
}

/** The region of each unit id ('' and unknown units: none), read through the organisation facade. */
export async function regionsOfUnits(
  organisation: OrganisationApi,
  unitKeys: string[],
): Promise<Map<string, string | null>> {
  const ids = [...new Set(unitKeys.filter(Boolean))];
  const units = ids.length ? await organisation.unitsByIds(ids) : [];
  return new Map(units.map((u) => [u.id, u.regionCode]));
}
