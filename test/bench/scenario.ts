import type { BinaUnderTest } from './bina-app';
import type { LoadOptions, Measurement } from './load';

export interface BenchContext {
  bina: BinaUnderTest;
  /** The hello endpoint of the bare Nest/Fastify app, measured once at the start of the run. */
  baseline: Measurement;
  durationSec: number;
  connections: number;
  measure(opts: Omit<LoadOptions, 'durationSec' | 'connections'> & Partial<LoadOptions>): Promise<Measurement>;
}

/** One line of the report: a figure of the app next to the baseline of the same run. */
export interface Figure {
  metric: string;
  unit: string;
  value: number;
  baseline: number;
  measurement: Measurement;
}

export interface Scenario {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
