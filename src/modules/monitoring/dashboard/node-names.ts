import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../../libs/auth';
import { OrganisationApi } from '../../organisation/organisation.api';
import { NATION } from '../rollups/node-path';
import { NodeScope, VisibleNode } from './node-scope';

/** A child of the node on a dashboard: a sub-region or a unit, named. */
export interface ChildRef {
  node: string;
  kind: 'R' | 'U';
  name: string;
  /** The region code or the unit code. */
  code: string;
}

export interface Crumb {
  node: string;
  name: string;
}

/** The node a dashboard shows, with the way back up to the top of the caller's scope. */
export interface DashboardNode extends VisibleNode {
  breadcrumb: Crumb[];
}

/** Names children and ancestors of dashboard nodes through the organisation module's facade. */
@Injectable()
export class NodeNames {
  constructor(
    private readonly scope: NodeScope,
    private readonly organisation: OrganisationApi,
  ) {}

  /** The node the caller asked for (or their root), with its breadcrumb; 404 outside the scope. */
  async visible(scope: AccessScope, node: string | undefined): Promise<DashboardNode> {
    const visible = await this.scope.resolve(scope, node);
    const root = this.scope.rootOf(scope);
    const codes = ancestorRegions(visible.regionCode ?? '', root);
    if (visible.kind === 'R') codes.pop();
    const regions = new Map((await this.organisation.regionsByCodes(codes)).map((r) => [r.code, r.name]));
    const breadcrumb: Crumb[] = [];
    if (root === NATION && visible.node !== NATION) breadcrumb.push({ node: NATION, name: 'Indonesia' });
    for (const code of codes) breadcrumb.push({ node: code, name: regions.get(code) ?? code });
    return { ...visible, breadcrumb };
  }

  /** Names of child nodes (region codes and unit ids), sorted by name; unknown ones keep their key. */
  async children(rows: ReadonlyArray<{ node: string; kind: string }>): Promise<Map<string, ChildRef>> {
    const regionCodes = rows.filter((r) => r.kind === 'R').map((r) => r.node);
    const unitIds = rows.filter((r) => r.kind === 'U').map((r) => r.node);
    const [regions, units] = await Promise.all([
      this.organisation.regionsByCodes(regionCodes),
      unitIds.length ? this.organisation.unitsByIds([...new Set(unitIds)]) : Promise.resolve([]),
    ]);
    const out = new Map<string, ChildRef>();
    for (const r of regions) out.set(r.code, { node: r.code, kind: 'R', name: r.name, code: r.code });
    for (const u of units) out.set(u.id, { node: u.id, kind: 'U', name: u.name, code: u.code });
    for (const r of rows) {
      if (!out.has(r.node))
        out.set(r.node, { node: r.node, kind: r.kind === 'U' ? 'U' : 'R', name: r.node, code: r.node });
    }
    return out;
  }
}

/** The region codes from just below the root down to `code` itself (36.74.01 under '' → 36, 36.74, 36.74.01). */
export function ancestorRegions(code: string, root: string): string[] {
  if (!code) return [];
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('.');
    if (root === NATION || prefix.length >= root.length) out.push(prefix);
  }
  return out;
}

/** Children in reading order: sub-regions by code, then units by name. */
export function byPlace<T extends { child: ChildRef }>(rows: T[]): T[] {
  return rows.sort((a, b) =>
    a.child.kind !== b.child.kind
      ? a.child.kind === 'R'
        ? -1
        : 1
      : a.child.kind === 'R'
        ? a.child.code.localeCompare(b.child.code)
        : a.child.name.localeCompare(b.child.name, 'id'),
  );
}
