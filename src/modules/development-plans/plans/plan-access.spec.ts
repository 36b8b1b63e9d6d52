import type { AuthUser } from '../../../../libs/auth';
import { rolesOf } from './plan-access';

const plan = { userId: 'asn', supervisorId: 'boss', regionCode: '36.74.01' };
const user = (id: string, role: AuthUser['role'], scopeRegionCode: string | null = null): AuthUser => ({
  id,
  role,
  scopeRegionCode,
  locale: 'id',
});

describe('rolesOf', () => {
  it.each<[string, AuthUser, string[]]>([
    ['the owner', user('asn', 'learner'), ['owner']],
    ['the supervisor', user('boss', 'supervisor'), ['supervisor']],
    ['a learner who supervises', user('boss', 'learner'), ['supervisor']],
    ['another supervisor', user('other', 'supervisor'), []],
    ['the unit admin of the kota', user('ua', 'unit_admin', '36.74'), ['unit_admin']],
    ['the unit admin of the province', user('ua', 'unit_admin', '36'), ['unit_admin']],
    ['the unit admin of the kecamatan', user('ua', 'unit_admin', '36.74.01'), ['unit_admin']],
    ['a unit admin of a sibling region', user('ua', 'unit_admin', '36.71'), []],
    ['a unit admin of a region that only shares a prefix', user('ua', 'unit_admin', '36.7'), []],
    ['a unit admin without a scope', user('ua', 'unit_admin'), []],
    ['a national admin', user('na', 'national_admin'), ['unit_admin']],
    ['a supervisor who is also the unit admin', user('boss', 'unit_admin', '36'), ['supervisor', 'unit_admin']],
    ['a unit admin who owns the plan', user('asn', 'unit_admin', '36'), ['owner']],
  ])('%s', (_name, who, roles) => {
    expect(rolesOf(who, plan)).toEqual(roles);
  });

  it('gives a plan without a region to national admins only', () => {
    const nowhere = { ...plan, regionCode: null };
    expect(rolesOf(user('ua', 'unit_admin', '36'), nowhere)).toEqual([]);
    expect(rolesOf(user('na', 'national_admin'), nowhere)).toEqual(['unit_admin']);
  });
});
