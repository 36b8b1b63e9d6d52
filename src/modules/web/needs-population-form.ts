import { AuthUser, regionWithin, scopeOf } from '../../../libs/auth';
import { DomainException, validationFailed } from '../../../libs/common';
import { NeedsError } from '../development-plans/needs/needs.errors';
import { OrganisationApi } from '../organisation/organisation.api';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2,3}(\.\d{4})?)?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A population typed into a form: a region code and a unit code, as people know them. */
export async function populationFromForm(
  organisation: OrganisationApi,
  user: AuthUser,
  values: { regionCode: string; unitCode: string; unitId?: string },
): Promise<{ regionCode?: string; unitId?: string }> {
  const out: { regionCode?: string; unitId?: string } = {};
  if (values.regionCode) {
    if (!REGION_CODE.test(values.regionCode)) {
      throw validationFailed([
        { field: 'regionCode', rule: 'region_code', message: 'regionCode must be a Kemendagri code such as 36.74' },
      ]);
    }
    out.regionCode = values.regionCode;
  }
  if (values.unitId && UUID.test(values.unitId)) out.unitId = values.unitId;
  if (values.unitCode) {
    const [unit] = await organisation.unitsByCodes([values.unitCode]);
    const scope = scopeOf(user);
    if (!unit || (scope.kind === 'region' && !regionWithin(unit.regionCode, scope.regionCode))) {
      throw new DomainException(NeedsError.NEEDS_UNIT_NOT_FOUND, 'No such unit in your region', {
        fields: [{ field: 'unitCode', rule: 'exists', message: 'unitCode is not a unit of your region' }],
      });
    }
    out.unitId = unit.id;
  }
  return out;
}
