/**
 * Links from a dashboard number to the people behind it (the people list at
 * /pemantauan/orang). The query parameters are agreed with the people list and the exports.
 */
export const PEOPLE_METRICS = [
  'jp-bucket',
  'jp-met',
  'jp-not-met',
  'course-enrolled',
  'course-active',
  'course-completed',
  'course-overdue',
  'competency-met',
  'competency-not-met',
  'plan-status',
] as const;
export type PeopleMetric = (typeof PEOPLE_METRICS)[number];

export const JP_BUCKETS = ['0', '1-9', '10-19', '20+'] as const;
export type JpBucket = (typeof JP_BUCKETS)[number];

export interface PeopleQuery {
  node: string;
  metric: PeopleMetric;
  year?: number;
  bucket?: JpBucket;
  courseId?: string;
  assignmentKey?: string;
  competencyCode?: string;
  status?: string;
}

export const PEOPLE_PATH = '/pemantauan/orang';

/** The query parameters of a people list, in the order links write them. */
export const PEOPLE_QUERY_KEYS = [
  'node',
  'year',
  'metric',
  'bucket',
  'courseId',
  'assignmentKey',
  'competencyCode',
  'status',
] as const satisfies ReadonlyArray<keyof PeopleQuery>;

/** `/pemantauan/orang?node=..&year=..&metric=..` with only the parameters that are set. */
export function peopleLink(query: PeopleQuery): string {
  const params = new URLSearchParams();
  for (const key of PEOPLE_QUERY_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  return `${PEOPLE_PATH}?${params.toString()}`;
}
