import { TargetRow, targetFor } from './jp-target';

describe('yearly JP targets', () => {
  const rows: TargetRow[] = [
    { employeeType: 'PNS', year: 0, targetJp: 20 },
    { employeeType: 'PNS', year: 2027, targetJp: 24 },
  ];

  it.each([
    ['PNS', 2026, 20],
    ['PNS', 2027, 24],
    ['PPPK', 2026, null],
  ] as const)('gives %s in %i a target of %p JP', (type, year, expected) => {
    expect(targetFor(rows, type, year)).toBe(expected);
  });
});
