import { SelectQueryBuilder } from 'typeorm';
import { AccessScope, regionSubtreeCondition } from '../../../../libs/auth';
import type { Certificate } from '../entities';

/** Narrows a query over certificates (alias `c`) to what the scope may see: the holder's region, or their own. */
export function certificatesInScope(
  qb: SelectQueryBuilder<Certificate>,
  scope: AccessScope,
): SelectQueryBuilder<Certificate> {
  if (scope.kind === 'region') {
    const region = regionSubtreeCondition('c.region_code', scope.regionCode);
    qb.andWhere(region.sql, region.params);
  } else if (scope.kind === 'own') {
    qb.andWhere('c.user_id = :scopeUserId', { scopeUserId: scope.userId });
  }
  return qb;
}
