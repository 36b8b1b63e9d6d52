/** One point of the trend chart: a month and the share (0-100) at target by its end. */
export interface TrendBar {
  label: string;
  share: number | null;
  display: string;
}

// Meets 3:1 against white for graphics (WCAG 1.4.11); text is near-black.
const BAR = '#1d5fa8';
const TEXT = '#1f2933';
const GRID = '#5f6b76';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Columns of the cumulative share at target per month, as inline SVG drawn on the server
 * (no script, no style attribute: the CSP allows neither). The viewBox scales it to the
 * page, 375 px phones included. An image with a title and a description; the table below
 * it on the page carries the same numbers as text.
 */
export function trendChartSvg(id: string, title: string, description: string, bars: TrendBar[]): string {
  const width = 360;
  const height = 190;
  const left = 34;
  const top = 18;
  const plot = 140;
  const slot = bars.length ? (width - left - 4) / bars.length : 0;
  const y = (share: number) => top + plot - (plot * Math.max(0, Math.min(100, share))) / 100;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-t ${id}-d" font-family="system-ui, sans-serif" font-size="10">`,
    `<title id="${id}-t">${escape(title)}</title><desc id="${id}-d">${escape(description)}</desc>`,
  ];
  for (const tick of [0, 50, 100]) {
    parts.push(
      `<line x1="${left}" y1="${y(tick)}" x2="${width - 2}" y2="${y(tick)}" stroke="${GRID}" stroke-width="0.5"/>`,
    );
    parts.push(`<text x="${left - 4}" y="${y(tick) + 3}" text-anchor="end" fill="${TEXT}">${tick}%</text>`);
  }
  bars.forEach((bar, i) => {
    const x = left + i * slot;
    const share = bar.share ?? 0;
    const barWidth = Math.max(2, slot * 0.7);
    parts.push(
      `<rect x="${(x + slot * 0.15).toFixed(1)}" y="${y(share).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(top + plot - y(share)).toFixed(1)}" fill="${BAR}"><title>${escape(`${bar.label}: ${bar.display}`)}</title></rect>`,
    );
    parts.push(
      `<text x="${(x + slot / 2).toFixed(1)}" y="${top + plot + 14}" text-anchor="middle" fill="${TEXT}">${escape(bar.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
