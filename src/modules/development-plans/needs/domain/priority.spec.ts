import { gapOf, gapPriority, PrioritySignals } from './priority';

const none: PrioritySignals = { weakPerformance: false, requested: false, risingComplaints: false };

describe('the gap between required and current level', () => {
  it.each([
    [3, 1, 2],
    [3, 3, 0],
    [2, 4, 0],
    [4, 0, 4],
    [null, 2, null],
  ])('required %p, current %p: gap %p', (required, current, gap) => {
    expect(gapOf(required, current)).toBe(gap);
  });
});

describe('the priority of a gap', () => {
  it.each([
    [
      'no gap at all stays low, whatever the signals',
      0,
      null,
      { weakPerformance: true, requested: true, risingComplaints: true },
      'low',
    ],
    ['a gap of 1 is low', 1, null, none, 'low'],
    ['a gap of 2 is medium', 2, null, none, 'medium'],
    ['a gap of 3 is high', 3, 1, none, 'high'],
    ['a gap of 5 is high', 5, null, none, 'high'],
    ['a target-only gap starts low', 0, 2, none, 'low'],
    ['a weak SKP raises a gap one step', 1, null, { ...none, weakPerformance: true }, 'medium'],
    ['a request raises a gap one step', 2, null, { ...none, requested: true }, 'high'],
    ['rising complaints raise a gap one step', 1, null, { ...none, risingComplaints: true }, 'medium'],
    ['signals add up', 1, null, { ...none, weakPerformance: true, requested: true }, 'high'],
    ['never above high', 3, null, { weakPerformance: true, requested: true, risingComplaints: true }, 'high'],
    ['a raised target-only gap', 0, 1, { ...none, weakPerformance: true }, 'medium'],
  ] as const)('%s', (_, gap, targetGap, signals, priority) => {
    expect(gapPriority(gap, targetGap, signals)).toBe(priority);
  });
});
