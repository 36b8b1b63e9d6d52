import { Injectable } from '@nestjs/common';
import { AccessScope, regionWithin } from '../../../../libs/auth';
import { DomainException } from '../../../../libs/common';
import { OrganisationApi } from '../../organisation/organisation.api';
import { MonitoringError } from '../monitoring.errors';
import { NATION, NodeKind, parentRegionOf } from '../rollups/node-path';

/** A node of the monitoring tree the caller may see, with what a page needs to show it. */
export interface VisibleNode {
  node: string;
  kind: NodeKind;
  /** The region the node is (region), or the unit's region (unit); null for the nation. */
  regionCode: string | null;
  name: string;
  /** Where "back" goes; null at the top of the caller's scope. */
  parent: string | null;
}

/**
 * Answers "may this caller look at this node" once for the dashboards, people lists and
 * exports: a national admin sees the whole tree, a unit admin the subtree of their region,
 * anyone else nothing. Outside the scope is a 404, the same as a node that does not exist.
 */
@Injectable()
export class NodeScope {
  constructor(private readonly organisation: OrganisationApi) {}

  /** The top node of a scope: the nation, or the admin's region. */
  rootOf(scope: AccessScope): string {
    if (scope.kind === 'national') return NATION;
    if (scope.kind === 'region') return scope.regionCode;
    throw new DomainException(MonitoringError.NODE_NOT_FOUND, 'No such region or unit in your scope');
  }

  async resolve(scope: AccessScope, node: string | undefined): Promise<VisibleNode> {
    const root = this.rootOf(scope);
    const wanted = node ?? root;
    const notFound = () =>
      new DomainException(MonitoringError.NODE_NOT_FOUND, 'No such region or unit in your scope', {
        fields: [{ field: 'node', rule: 'in_scope', message: 'node must be a region or unit inside your scope' }],
      });
    if (wanted === NATION) {
      if (scope.kind !== 'national') throw notFound();
      return { node: NATION, kind: 'N', regionCode: null, name: 'Indonesia', parent: null };
    }
    if (wanted.includes('-')) {
      const [unit] = await this.organisation.unitsByIds([wanted]);
      if (!unit || (scope.kind === 'region' && !regionWithin(unit.regionCode, root))) throw notFound();
      return { node: unit.id, kind: 'U', regionCode: unit.regionCode, name: unit.name, parent: unit.regionCode };
    }
    if (scope.kind === 'region' && !regionWithin(wanted, root)) throw notFound();
    const region = await this.organisation.getRegion(wanted).catch(() => null);
    if (!region) throw notFound();
    return {
      node: region.code,
      kind: 'R',
      regionCode: region.code,
      name: region.name,
      parent: region.code === root ? null : parentRegionOf(region.code),
    };
  }
}
