/**
 * A small inline SVG trend of one complaint theme (six months), drawn on the server: a
 * line through the recorded months (a gap where a month was not recorded) and a dot per
 * month. No script, no stylesheet: presentation attributes only (the page CSP forbids inline style).
 */
export interface Sparkline {
  width: number;
  height: number;
  /** Polyline point lists, one per run of recorded months. */
  lines: string[];
  dots: Array<{ x: number; y: number; last: boolean }>;
  /** The line colour: dark red when the theme is rising (contrast ≥ 3:1 on white for graphics). */
  stroke: string;
}

const WIDTH = 132;
const HEIGHT = 36;
const PAD = 4;

export function sparkline(counts: Array<number | null>, rising: boolean): Sparkline {
  const max = Math.max(1, ...counts.map((c) => c ?? 0));
  const step = counts.length > 1 ? (WIDTH - 2 * PAD) / (counts.length - 1) : 0;
  const at = (i: number, c: number) => ({
    x: round(PAD + i * step),
    y: round(HEIGHT - PAD - (c / max) * (HEIGHT - 2 * PAD)),
  });
  const lines: string[] = [];
  let run: string[] = [];
  const dots: Sparkline['dots'] = [];
  counts.forEach((c, i) => {
    if (c === null) {
      if (run.length > 1) lines.push(run.join(' '));
      run = [];
      return;
    }
    const p = at(i, c);
    run.push(`${p.x},${p.y}`);
    dots.push({ ...p, last: i === counts.length - 1 });
  });
  if (run.length > 1) lines.push(run.join(' '));
  return { width: WIDTH, height: HEIGHT, lines, dots, stroke: rising ? '#a4161a' : '#2f4b66' };
}

const round = (n: number) => Math.round(n * 10) / 10;
