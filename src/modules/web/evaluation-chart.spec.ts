import { barChartSvg } from './evaluation-chart';

describe('evaluation bar chart', () => {
  it('draws one labelled bar per value, as a share of the width scaled to the maximum, with a title', () => {
    const svg = barChartSvg(
      'g1',
      'Rata-rata',
      [
        { label: 'Materi', value: 5, display: '5' },
        { label: 'Manfaat', value: 2.5, display: '2,5', series: 1 },
      ],
      5,
    );
    expect(svg).toContain('role="img" aria-labelledby="g1"');
    expect(svg).toContain('<title id="g1">Rata-rata</title>');
    expect(svg).toContain('>Materi: 5</text>');
    expect(svg.match(/<rect [^>]*width="([\d.]+%)"/g)).toEqual([
      expect.stringContaining('width="90.0%"'),
      expect.stringContaining('width="45.0%"'),
    ]);
    expect(svg).toContain('fill="#a14a00"');
    expect(svg).toContain('height="96"');
    expect(svg).not.toMatch(/style=|<script/);
  });

  it('escapes labels and keeps bars inside the chart', () => {
    const svg = barChartSvg('g2', '<b>', [{ label: '<script>x</script>', value: 9, display: '9' }], 5);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('width="90.0%"');
    expect(barChartSvg('g3', 't', [{ label: 'a', value: 0, display: '0' }], 0)).toContain('width="0.0%"');
  });
});
