import { ChartText, gapChartSvg } from './needs-chart';

const text: ChartText = {
  title: 'Level dibutuhkan dan level saat ini',
  description: 'Integritas: dibutuhkan 3, saat ini 1.',
  required: 'Dibutuhkan',
  target: 'Jabatan tujuan',
  current: 'Saat ini',
};

const bars = (svg: string) =>
  [...svg.matchAll(/<rect x="70" y="\d+" width="([\d.]+)" height="9" fill="(#\w+)"/g)].map((m) => [Number(m[1]), m[2]]);

describe('the gap chart', () => {
  it.each([
    [
      'required and current bars scale to the 0-5 level axis (420 px wide)',
      [{ code: 'M.01', name: 'Integritas', required: 3, target: null, current: 1 }],
      [
        [252, '#4a5560'],
        [84, '#0b5cad'],
      ],
    ],
    [
      'a target series appears only when some row has one; level 0 draws no bar',
      [
        { code: 'M.01', name: 'Integritas', required: 3, target: 4, current: 0 },
        { code: 'M.05', name: 'Pelayanan', required: null, target: 2, current: 5 },
      ],
      [
        [252, '#4a5560'],
        [336, '#8a4b00'],
        [168, '#8a4b00'],
        [420, '#0b5cad'],
      ],
    ],
  ])('%s', (_, rows, expected) => {
    expect(bars(gapChartSvg(rows, text))).toEqual(expected);
  });

  it('is an image with a title and description, and escapes names', () => {
    const svg = gapChartSvg([{ code: 'T.<x>', name: 'A & "B"', required: 2, target: null, current: 1 }], text);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="grafik-judul grafik-desk"/);
    expect(svg).toContain('<title id="grafik-judul">Level dibutuhkan dan level saat ini</title>');
    expect(svg).toContain('T.&lt;x&gt;');
    expect(svg).toContain('A &amp; &quot;B&quot;: Dibutuhkan 2');
    expect(svg).not.toContain('<x>');
  });
});
