import { IKM_CATEGORIES, IkmCategoryLetter } from '../development-plans/public-feedback/domain/ikm';

/** One period on the chart; null when nobody answered in it (the line skips it). */
export interface ChartPoint {
  label: string;
  value: number | null;
  /** The value as the page writes it ("87,50"). */
  text: string;
}

export interface IkmChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bands: Array<{ letter: IkmCategoryLetter; y: number; height: number; fill: string; labelY: number }>;
  yTicks: Array<{ value: number; y: number }>;
  xLabels: Array<{ label: string; x: number }>;
  /** "x,y x,y …" for a polyline through the periods with answers. */
  line: string;
  dots: Array<{ x: number; y: number; label: string; text: string }>;
}

const MIN = 25;
const MAX = 100;
/** Light tints behind the line; the ink on them keeps a contrast of at least 7:1. */
const BAND_FILL: Record<IkmCategoryLetter, string> = { A: '#e3f0fb', B: '#e8f4ea', C: '#fff3df', D: '#fdeceb' };

/**
 * Geometry of the IKM line chart, drawn by the template as inline SVG (no script, no
 * client bundle): the 25-100 scale with the four quality bands behind the line.
 */
export function ikmChart(points: ChartPoint[], width = 640, height = 280): IkmChart {
  const plot = { left: 44, top: 16, right: width - 28, bottom: height - 36 };
  const y = (v: number) => plot.bottom - ((v - MIN) / (MAX - MIN)) * (plot.bottom - plot.top);
  const step = points.length > 1 ? (plot.right - plot.left) / (points.length - 1) : 0;
  const x = (i: number) => (points.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2);
  const round = (n: number) => Math.round(n * 10) / 10;
  const bands = IKM_CATEGORIES.map((c) => {
    const top = y(Math.min(MAX, c.to / 100));
    const bottom = y(c.from / 100);
    return {
      letter: c.letter,
      y: round(top),
      height: round(bottom - top),
      fill: BAND_FILL[c.letter],
      labelY: round((top + bottom) / 2 + 4),
    };
  });
  const dots = points.flatMap((p, i) =>
    p.value === null ? [] : [{ x: round(x(i)), y: round(y(p.value)), label: p.label, text: p.text }],
  );
  return {
    width,
    height,
    plot,
    bands,
    yTicks: [25, 50, 65, 76.61, 88.31, 100].map((value) => ({ value, y: round(y(value)) })),
    xLabels: points.map((p, i) => ({ label: p.label, x: round(x(i)) })),
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
  };
}
