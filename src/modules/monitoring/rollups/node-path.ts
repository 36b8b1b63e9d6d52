/**
 * Where a row sits in the monitoring tree: the nation (node ''), then each region of its
 * Kemendagri code from the province down (codes nest by prefix: 36 > 36.74 > 36.74.01),
 * then its unit (node = the unit id). Dashboards read a node and its children, so every
 * node row carries its parent.
 */
export type NodeKind = 'N' | 'R' | 'U';

export interface TreeNode {
  node: string;
  parent: string | null;
  nodeKind: NodeKind;
}

export const NATION = '';

/** The nation, the regions above and at regionCode, then the unit (when known). */
export function pathOf(regionCode: string | null, unitId: string | null): TreeNode[] {
  const path: TreeNode[] = [{ node: NATION, parent: null, nodeKind: 'N' }];
  let parent = NATION;
  if (regionCode) {
    const parts = regionCode.split('.');
    for (let i = 1; i <= parts.length; i++) {
      const code = parts.slice(0, i).join('.');
      path.push({ node: code, parent, nodeKind: 'R' });
      parent = code;
    }
  }
  if (unitId) path.push({ node: unitId, parent, nodeKind: 'U' });
  return path;
}

/** The parent of a region node ('' for a province, null for the nation). */
export function parentRegionOf(node: string): string | null {
  if (node === NATION) return null;
  const cut = node.lastIndexOf('.');
  return cut < 0 ? NATION : node.slice(0, cut);
}
