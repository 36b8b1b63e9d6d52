/** One competency in the chart: levels 0-5. */
export interface ChartRow {
  code: string;
  name: string;
  required: number | null;
  target: number | null;
  current: number;
}

export interface ChartText {
  title: string;
  description: string;
  required: string;
  target: string;
  current: string;
}

const MAX_LEVEL = 5;
const LEFT = 70;
const PLOT = 420;
const BAR = 9;
const GAP = 2;
const TOP = 34;
// Colours on white with at least 4.5:1 contrast (WCAG AA), told apart by the legend too.
const COLOURS = { required: '#4a5560', target: '#8a4b00', current: '#0b5cad' } as const;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A horizontal bar chart of required vs current level per competency, as inline SVG
 * (no script, no client bundle). It is an image with a title and description; the gap
 * table beside it carries the same numbers as text.
 */
export function gapChartSvg(rows: ChartRow[], text: ChartText): string {
  const withTarget = rows.some((r) => r.target !== null);
  const series = (['required', ...(withTarget ? ['target'] : []), 'current'] as const).map(
    (k) => k as keyof typeof COLOURS,
  );
  const rowHeight = series.length * (BAR + GAP) + 10;
  const height = TOP + rows.length * rowHeight + 24;
  const width = LEFT + PLOT + 40;
  const x = (level: number) => LEFT + (PLOT * level) / MAX_LEVEL;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="grafik-judul grafik-desk" font-family="system-ui, sans-serif" font-size="11">`,
    `<title id="grafik-judul">${escape(text.title)}</title>`,
    `<desc id="grafik-desk">${escape(text.description)}</desc>`,
  ];
  series.forEach((s, i) => {
    const lx = LEFT + i * 140;
    parts.push(`<rect x="${lx}" y="6" width="12" height="12" fill="${COLOURS[s]}"/>`);
    parts.push(`<text x="${lx + 16}" y="16" fill="#1b1f24">${escape(text[s])}</text>`);
  });
  for (let level = 0; level <= MAX_LEVEL; level++) {
    parts.push(`<line x1="${x(level)}" y1="${TOP - 4}" x2="${x(level)}" y2="${height - 20}" stroke="#d5dbe1"/>`);
    parts.push(`<text x="${x(level)}" y="${height - 6}" text-anchor="middle" fill="#4a5560">${level}</text>`);
  }
  rows.forEach((r, i) => {
    const y0 = TOP + i * rowHeight;
    parts.push(
      `<text x="${LEFT - 6}" y="${y0 + rowHeight / 2}" text-anchor="end" fill="#1b1f24">${escape(r.code)}</text>`,
    );
    series.forEach((s, j) => {
      const value = s === 'required' ? r.required : s === 'target' ? r.target : r.current;
      if (value === null || value <= 0) return;
      const y = y0 + j * (BAR + GAP);
      parts.push(
        `<rect x="${LEFT}" y="${y}" width="${x(value) - LEFT}" height="${BAR}" fill="${COLOURS[s]}"><title>${escape(`${r.name}: ${text[s]} ${value}`)}</title></rect>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
