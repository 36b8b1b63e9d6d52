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
/** A label line above each bar: no label column, so it reads on a 320-pixel phone. */
const ROW = 46;
/** The longest bar, in percent of the chart's width (room for nothing else on its line). */
const FULL = 90;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A horizontal bar chart as inline SVG: drawn on the server, no script and no style
 * attribute (the CSP allows neither). Bars are percentages of the page width and text
 * keeps its size, so the same chart fits a phone and a desk. It is an image with a title;
 * the table beside it on the page carries the same numbers.
 */
export function barChartSvg(id: string, title: string, bars: ChartBar[], max: number): string {
  const height = bars.length * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW;
    const percent = max > 0 ? Math.max(0, Math.min(1, bar.value / max)) * FULL : 0;
    return (
      `<text x="0" y="${y + 15}" font-size="14" fill="${TEXT}">${escape(bar.label)}: ${escape(bar.display)}</text>` +
      `<rect x="0" y="${y + 21}" width="${percent.toFixed(1)}%" height="18" fill="${COLOURS[bar.series ?? 0]}"></rect>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}" width="100%" height="${height}">` +
    `<title id="${id}">${escape(title)}</title>${rows.join('')}</svg>`
  );
}
