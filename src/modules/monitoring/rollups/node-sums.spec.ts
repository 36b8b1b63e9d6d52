import { NodeSums } from './node-sums';

describe('NodeSums', () => {
  const rows = (sums: NodeSums) =>
    [...sums.all()].map((s) => sums.rowOf(s)).sort((a, b) => String(a.node).localeCompare(String(b.node)));

  it('adds a region group to its region, the regions above and the nation, as pathOf places them', () => {
    const sums = new NodeSums('mon_plan_node');
    sums.addUp('36.74', [2026, 'approved'], [2]);
    sums.addUp('36', [2026, 'approved'], [1]);
    sums.addUp(null, [2026, 'approved'], [4]);
    sums.addUp('36.74', [2026, 'draft'], [5]);
    expect(rows(sums).filter((r) => r.status === 'approved')).toEqual([
      { node: '', parent: null, node_kind: 'N', year: 2026, status: 'approved', plans: 7 },
      { node: '36', parent: '', node_kind: 'R', year: 2026, status: 'approved', plans: 3 },
      { node: '36.74', parent: '36', node_kind: 'R', year: 2026, status: 'approved', plans: 2 },
    ]);
  });

  it('keeps the smallest parent of a unit seen under two regions, as MIN does in SQL', () => {
    const sums = new NodeSums('mon_competency_node');
    sums.add('u1', '36.74', 'U', ['M.01'], [1, 0]);
    sums.add('u1', '12.71', 'U', ['M.01'], [1, 1]);
    expect(rows(sums)).toEqual([
      { node: 'u1', parent: '12.71', node_kind: 'U', competency_code: 'M.01', required: 2, met: 1 },
    ]);
  });

  it('hands a sum over once, found by the dimensions of a stored row', () => {
    const sums = new NodeSums('mon_jp_month_node');
    sums.addUp('36', [2026, 3], [1]);
    const key = NodeSums.dimensionsOf([2026, 3]);
    expect(sums.take('36', key)?.sums).toEqual([1]);
    expect(sums.take('36', key)).toBeUndefined();
    expect([...sums.all()].map((s) => s.node)).toEqual(['']);
  });
});
