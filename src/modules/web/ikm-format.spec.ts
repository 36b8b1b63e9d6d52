import { ikmChart } from './ikm-chart';
import { formatIkm, formatPeriod } from './ikm-format';

describe('IKM formats', () => {
  it.each([
    [87.5, 'id', '87,50'],
    [87.5, 'en', '87.50'],
    [100, 'id', '100,00'],
    [null, 'id', '-'],
  ] as const)('writes %p in %s as %s', (value, locale, text) => {
    expect(formatIkm(value, locale)).toBe(text);
  });

  it.each([
    ['2026-S1', 'id', 'Semester 1 2026'],
    ['2026-Q3', 'id', 'Triwulan 3 2026'],
    ['2026-Q3', 'en', 'Quarter 3 2026'],
    ['2026-07', 'id', 'Juli 2026'],
    ['2026-07', 'en', 'July 2026'],
    ['2026', 'en', '2026'],
  ] as const)('names period %s in %s "%s"', (key, locale, text) => {
    expect(formatPeriod(key, locale)).toBe(text);
  });
});

describe('the IKM chart', () => {
  const chart = ikmChart([
    { label: 'a', value: 100, text: '100' },
    { label: 'b', value: null, text: '-' },
    { label: 'c', value: 25, text: '25' },
  ]);

  it('puts 100 at the top of the plot and 25 at its bottom, skipping periods without answers', () => {
    expect(chart.dots.map((d) => [d.x, d.y])).toEqual([
      [chart.plot.left, chart.plot.top],
      [chart.plot.right, chart.plot.bottom],
    ]);
    expect(chart.line.split(' ')).toHaveLength(2);
    expect(chart.xLabels).toHaveLength(3);
  });

  it('stacks the four quality bands from A at the top to D at the bottom without gaps', () => {
    expect(chart.bands.map((b) => b.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(chart.bands[0].y).toBe(chart.plot.top);
    const last = chart.bands[3];
    expect(Math.round(last.y + last.height)).toBe(chart.plot.bottom);
  });
});
