import { Role } from '../auth';
import { DEMO_REGIONS } from '../../src/demo/demo-data';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import type { UserView } from '../../src/modules/identity/user.view';
import { OrganisationApi, UnitView } from '../../src/modules/organisation/organisation.api';
import { TestApp } from './test-app';

let sequence = 0;
const next = () => ++sequence + Math.floor(Math.random() * 1000) * 1000;

export const TEST_PASSWORD = 'Kata-Sandi-Uji-2026';

/** A valid NIP, different on each call (sequence digits vary; birth and TMT dates are fixed). */
export function fakeNip(sex: 1 | 2 = 1): string {
  const n = next();
  const year = 1970 + (n % 30);
  const seq = String((n % 998) + 1).padStart(3, '0');
  const month = String((Math.floor(n / 998) % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(n / 11) % 28) + 1).padStart(2, '0');
  return `${year}${month}${day}${year + 25}0${(n % 9) + 1}${sex}${seq}`;
}

/** The demo region tree: Banten/Tangsel, Sumut/Medan/Belawan, Gorontalo/Kota Gorontalo. */
export async function givenRegions(t: TestApp): Promise<void> {
  await t.get(OrganisationApi).ensureRegions(DEMO_REGIONS.map((r) => ({ ...r })));
}

export async function givenUnit(
  t: TestApp,
  regionCode: string,
  kind: 'agency' | 'training_unit' = 'agency',
): Promise<UnitView> {
  const n = next();
  return t.get(OrganisationApi).ensureUnit({ code: `U-${n}`, name: `Unit uji ${n}`, kind, regionCode });
}

export interface GivenUser {
  user: UserView;
  username: string;
  password: string;
  /** `Bearer <token>` for API calls */
  auth: string;
}

export async function givenUser(
  t: TestApp,
  options: {
    role?: Role;
    unitId?: string;
    scopeRegionCode?: string;
    supervisorId?: string;
    positionId?: string;
    withNip?: boolean;
    /** A PNS golongan such as 'IV/a' (default 'III/a'). */
    golongan?: string;
  } = {},
): Promise<GivenUser> {
  const n = next();
  const role = options.role ?? 'learner';
  const email = `orang${n}@uji.bina.id`;
  const user = await t.get(IdentityApi).provisionAccount({
    name: `Orang Uji ${n}`,
    role,
    password: TEST_PASSWORD,
    email,
    nip: options.withNip === false ? null : fakeNip(),
    employeeType: 'PNS',
    golongan: options.golongan ?? 'III/a',
    unitId: options.unitId ?? null,
    scopeRegionCode: options.scopeRegionCode ?? null,
    supervisorId: options.supervisorId ?? null,
    positionId: options.positionId ?? null,
  });
  return { user, username: email, password: TEST_PASSWORD, auth: await t.bearer(email, TEST_PASSWORD) };
}
