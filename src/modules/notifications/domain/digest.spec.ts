import { groupForDigest } from './digest';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1, minute));

describe('digest grouping', () => {
  it('groups by category in the fixed category order, oldest first inside a group', () => {
    const groups = groupForDigest([
      { id: 'c', category: 'quiz-graded' as const, createdAt: at(5) },
      { id: 'a', category: 'course-assigned' as const, createdAt: at(9) },
      { id: 'b', category: 'quiz-graded' as const, createdAt: at(1) },
      { id: 'd', category: 'course-assigned' as const, createdAt: at(2) },
      { id: 'e', category: 'certificate-issued' as const, createdAt: at(3) },
    ]);
    expect(groups.map((g) => [g.category, g.items.map((i) => i.id)])).toEqual([
      ['course-assigned', ['d', 'a']],
      ['quiz-graded', ['b', 'c']],
      ['certificate-issued', ['e']],
    ]);
  });

  it('has no groups for no items, and orders equal times by id (stable across retries)', () => {
    expect(groupForDigest([])).toEqual([]);
    const same = groupForDigest([
      { id: 'y', category: 'plan-approved' as const, createdAt: at(1) },
      { id: 'x', category: 'plan-approved' as const, createdAt: at(1) },
    ]);
    expect(same[0].items.map((i) => i.id)).toEqual(['x', 'y']);
  });
});
