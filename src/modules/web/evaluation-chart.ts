/** One bar of a chart: its label, length and the text printed after it. */
export interface ChartBar {
  label: string;
  value: number;
  display: string;
  /** 0 or 1: which of two series (colours) it belongs to, e.g. learner vs supervisor. */
  series?: 0 | 1;
}

// Both colours keep at least 3:1 against white (WCAG 1.4.11 for graphics); text is near-black.
const COLOURS = ['#1d5fa8', '#a14a00'] as const;
const TEXT = '#1f2933';
const ROW = 30;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 290;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 70;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A horizontal bar chart as inline SVG: drawn on the server, no script and no style
 * attribute (the CSP allows neither), scaled to the page width by its viewBox. It is an
 * image with a title; the table beside it on the page carries the same numbers.
 */
export function barChartSvg(id: string, title: string, bars: ChartBar[], max: number): string {
  const height = bars.length * ROW + 10;
  const rows = bars.map((bar, i) => {
    const y = 5 + i * ROW;
    const length = max > 0 ? Math.max(0, Math.min(1, bar.value / max)) * BAR_WIDTH : 0;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 19}" text-anchor="end" font-size="14" fill="${TEXT}">${escape(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${length.toFixed(1)}" height="${ROW - 10}" fill="${COLOURS[bar.series ?? 0]}"></rect>`,
      `<text x="${(LABEL_WIDTH + length + 6).toFixed(1)}" y="${y + 19}" font-size="14" fill="${TEXT}">${escape(bar.display)}</text>`,
    ].join('');
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}">${escape(title)}</title>${rows.join('')}</svg>`
  );
}
