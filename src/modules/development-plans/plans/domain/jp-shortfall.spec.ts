import { jpShortfall } from './jp-shortfall';

describe('jpShortfall', () => {
  it.each([
    // planned, target, shortfall, short
    [0, 200, 200, true],
    [150, 200, 50, true],
    [199, 200, 1, true],
    [200, 200, 0, false],
    [320, 200, 0, false],
    [0, 0, 0, false],
    [-10, 200, 200, true],
  ])('planned %i tenths against a target of %i falls short by %i', (planned, target, shortfall, short) => {
    expect(jpShortfall(planned, target)).toEqual({
      plannedTenths: planned,
      targetTenths: target,
      shortfallTenths: shortfall,
      short,
    });
  });
});
