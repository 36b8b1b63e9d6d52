import { NodeSource } from '../../rollups/node-sources';
import { JP_BUCKETS, JpBucket, jpBucketSql } from './jp-bucket';

const bucket = jpBucketSql('jp_tenths');
const inBucket = (b: JpBucket) => `CASE WHEN (${bucket}) = ${JP_BUCKETS.indexOf(b)} THEN 1 ELSE 0 END`;
const leaves = { from: 'mon_jp_person', where: 'applied = 1', unit: 'unit_id' };

/** The JP node tables as JpLeaves.contribution counts a leaf: one person, in one bucket, met once attained. */
export const JP_NODE_SOURCES: readonly NodeSource[] = [
  {
    table: 'mon_jp_node',
    ...leaves,
    keys: { year: 'year', employee_type: 'employee_type', golongan: 'golongan' },
    counters: {
      people: '1',
      jp_0: inBucket('jp_0'),
      jp_1_9: inBucket('jp_1_9'),
      jp_10_19: inBucket('jp_10_19'),
      jp_20_plus: inBucket('jp_20_plus'),
      met_target: 'CASE WHEN attained_month IS NULL THEN 0 ELSE 1 END',
      jp_tenths: 'jp_tenths',
    },
  },
  {
    table: 'mon_jp_month_node',
    ...leaves,
    where: 'applied = 1 AND attained_month IS NOT NULL',
    keys: { year: 'year', month: 'attained_month' },
    counters: { attained: '1' },
  },
];
