import { Injectable } from '@nestjs/common';
import { AccessScope, regionWithin } from '../../../../../libs/auth';
import { DomainException } from '../../../../../libs/common';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { NeedsError } from '../needs.errors';

/** A population an admin analyses: a region subtree, optionally one unit within it. */
export interface Population {
  regionCode: string;
  unitId: string | null;
  regionName: string;
  unitName: string | null;
}

/** Resolves and checks the population an admin asks for; outside their scope it does not exist. */
@Injectable()
export class Populations {
  constructor(private readonly organisation: OrganisationApi) {}

  async resolve(scope: AccessScope, ask: { regionCode?: string; unitId?: string }): Promise<Population> {
    if (scope.kind === 'own') throw outside();
    let regionCode = ask.regionCode ?? (scope.kind === 'region' ? scope.regionCode : undefined);
    let unitName: string | null = null;
    if (ask.unitId) {
      const [unit] = await this.organisation.unitsByIds([ask.unitId]);
      if (!unit || (scope.kind === 'region' && !regionWithin(unit.regionCode, scope.regionCode))) {
        throw new DomainException(NeedsError.NEEDS_UNIT_NOT_FOUND, 'No such unit in your region');
      }
      if (regionCode && !regionWithin(unit.regionCode, regionCode)) {
        throw new DomainException(NeedsError.NEEDS_UNIT_NOT_FOUND, 'The unit is not in that region');
      }
      regionCode = regionCode ?? unit.regionCode;
      unitName = unit.name;
    }
    if (!regionCode) {
      throw new DomainException(NeedsError.NEEDS_REGION_REQUIRED, 'Choose a region', {
        fields: [{ field: 'regionCode', rule: 'required', message: 'regionCode is required for a national admin' }],
      });
    }
    if (scope.kind === 'region' && !regionWithin(regionCode, scope.regionCode)) throw outside();
    const region = await this.organisation.getRegion(regionCode);
    return { regionCode, unitId: ask.unitId ?? null, regionName: region.name, unitName };
  }
}

const outside = () => new DomainException(NeedsError.NEEDS_REGION_OUTSIDE_SCOPE, 'No such region in your scope');
