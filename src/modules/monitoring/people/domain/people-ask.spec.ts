import { peopleAskOf } from './people-ask';

describe('peopleAskOf', () => {
  const cases: Array<[string, Parameters<typeof peopleAskOf>[0], unknown]> = [
    [
      'bucket 0 is under one whole JP',
      { metric: 'jp-bucket', bucket: '0' },
      { family: 'jp', year: 2026, jp: { minTenths: 0, maxTenths: 10 } },
    ],
    [
      'bucket 1-9',
      { metric: 'jp-bucket', bucket: '1-9', year: 2025 },
      { family: 'jp', year: 2025, jp: { minTenths: 10, maxTenths: 100 } },
    ],
    [
      'bucket 10-19',
      { metric: 'jp-bucket', bucket: '10-19' },
      { family: 'jp', year: 2026, jp: { minTenths: 100, maxTenths: 200 } },
    ],
    [
      'bucket 20+ has no top',
      { metric: 'jp-bucket', bucket: '20+' },
      { family: 'jp', year: 2026, jp: { minTenths: 200, maxTenths: null } },
    ],
    [
      'bucket missing',
      { metric: 'jp-bucket' },
      [{ field: 'bucket', rule: 'required', message: 'bucket is required for metric jp-bucket' }],
    ],
    ['jp met', { metric: 'jp-met' }, { family: 'jp', year: 2026, jp: 'met' }],
    ['jp not met', { metric: 'jp-not-met', year: 2024 }, { family: 'jp', year: 2024, jp: 'not-met' }],
    [
      'course overdue of all assignments',
      { metric: 'course-overdue', courseId: 'c' },
      { family: 'course', courseId: 'c', which: 'overdue' },
    ],
    [
      'course self-enrolled',
      { metric: 'course-enrolled', courseId: 'c', assignmentKey: '' },
      { family: 'course', courseId: 'c', assignmentKey: '', which: 'enrolled' },
    ],
    [
      'every course (the headline numbers)',
      { metric: 'course-completed' },
      { family: 'course', courseId: null, which: 'completed' },
    ],
    [
      'an assignment needs its course',
      { metric: 'course-completed', assignmentKey: '' },
      [{ field: 'courseId', rule: 'required', message: 'courseId is required for metric course-completed' }],
    ],
    [
      'competency met',
      { metric: 'competency-met', competencyCode: 'M.01' },
      { family: 'competency', competencyCode: 'M.01', met: true },
    ],
    [
      'competency not met',
      { metric: 'competency-not-met', competencyCode: 'T.02' },
      { family: 'competency', competencyCode: 'T.02', met: false },
    ],
    [
      'competency missing',
      { metric: 'competency-met' },
      [{ field: 'competencyCode', rule: 'required', message: 'competencyCode is required for metric competency-met' }],
    ],
    ['plan status', { metric: 'plan-status', status: 'approved' }, { family: 'plan', year: 2026, status: 'approved' }],
    [
      'plan status missing',
      { metric: 'plan-status' },
      [{ field: 'status', rule: 'required', message: 'status is required for metric plan-status' }],
    ],
  ];
  it.each(cases)('%s', (_name, params, expected) => {
    expect(peopleAskOf(params, 2026)).toEqual(expected);
  });
});
