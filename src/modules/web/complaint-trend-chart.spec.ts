import { sparkline } from './complaint-trend-chart';

describe('the complaint trend sparkline', () => {
  it.each([
    ['a full series is one line with a dot per month', [1, 2, 3, 4, 5, 6], 1, 6],
    ['a missing month breaks the line in two', [1, 2, null, 4, 5, 6], 2, 5],
    ['a lone month between gaps is a dot without a line', [null, 3, null, null, null, null], 0, 1],
    ['nothing recorded draws nothing', [null, null, null, null, null, null], 0, 0],
  ])('%s', (_name, counts, lines, dots) => {
    const chart = sparkline(counts, false);
    expect(chart.lines).toHaveLength(lines);
    expect(chart.dots).toHaveLength(dots);
  });

  it('puts the highest month at the top and zero at the bottom, inside the box', () => {
    const chart = sparkline([0, 10], true);
    expect(chart.dots.map((d) => d.y)).toEqual([32, 4]);
    expect(chart.dots.every((d) => d.x >= 0 && d.x <= chart.width)).toBe(true);
    expect(chart.stroke).toBe('#a4161a');
  });
});
