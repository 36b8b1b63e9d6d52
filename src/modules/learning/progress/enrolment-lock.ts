import { EntityManager } from 'typeorm';
import { isMysqlFamily } from '../../../../libs/database';
import { Enrolment } from '../entities';

/**
 * Reads an enrolment for update. On MySQL this takes a row lock for the rest of the
 * transaction; SQLite runs one write transaction at a time, so it needs none.
 */
export function lockEnrolment(m: EntityManager, id: string): Promise<Enrolment | null> {
  const qb = m.createQueryBuilder(Enrolment, 'e').where('e.id = :id', { id });
  if (isMysqlFamily(m.connection)) qb.setLock('pessimistic_write');
  return qb.getOne();
}
