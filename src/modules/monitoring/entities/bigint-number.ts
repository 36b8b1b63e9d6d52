import { ValueTransformer } from 'typeorm';

/** mysql2 returns BIGINT as a string; national JP sums need the range, not the string. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
