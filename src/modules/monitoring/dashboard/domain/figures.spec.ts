import {
  attainmentTrend,
  averageOfHundredths,
  completionFigures,
  gradeOrder,
  isOverdueDay,
  jpFigures,
  NO_JP,
  share,
  wibDay,
  wibYear,
} from './figures';
import { peopleLink } from './people-link';
import { ancestorRegions } from '../node-names';

describe('dashboard figures', () => {
  it.each([
    [0, 0, null],
    [0, 10, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [5, 5, 100],
    [1, 8, 12.5],
  ])('share(%d, %d) = %p', (part, whole, expected) => {
    expect(share(part, whole)).toBe(expected);
  });

  it.each([
    [0, 0, null],
    [450, 1, 4.5],
    [1234, 3, 4.11],
    [-500, 2, -2.5],
  ])('averageOfHundredths(%d, %d) = %p', (sum, count, expected) => {
    expect(averageOfHundredths(sum, count)).toBe(expected);
  });

  it.each([
    // requested, active, completed, overdue → enrolled, inProgress, overdue, completedShare
    [{ requested: 2, active: 5, completed: 5 }, 2, { enrolled: 10, inProgress: 3, overdue: 2, completedShare: 50 }],
    [{ requested: 0, active: 0, completed: 0 }, 0, { enrolled: 0, inProgress: 0, overdue: 0, completedShare: null }],
    // more overdue than active cannot happen; never a negative "in progress"
    [{ requested: 0, active: 1, completed: 0 }, 3, { enrolled: 1, inProgress: 0, overdue: 1, completedShare: 0 }],
  ])('completion %j with %d overdue', (counts, overdue, expected) => {
    expect(completionFigures(counts, overdue)).toMatchObject({ ...counts, ...expected });
  });

  it.each([
    ['2026-03-09', '2026-03-10', true],
    ['2026-03-10', '2026-03-10', false],
    ['2026-03-11', '2026-03-10', false],
    ['2025-12-31', '2026-01-01', true],
  ])('deadline day %s is overdue on %s: %p', (day, today, expected) => {
    expect(isOverdueDay(day, today)).toBe(expected);
  });

  it('reads days and years in WIB (UTC+7)', () => {
    expect(wibDay(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(wibDay(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(wibYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });

  it('accumulates the attainment trend and shows only the months asked for', () => {
    const attained = new Map([
      [1, 2],
      [3, 1],
      [5, 4],
    ]);
    expect(attainmentTrend(attained, 10, { from: 1, to: 4 })).toEqual([
      { month: 1, attained: 2, cumulative: 2, share: 20 },
      { month: 2, attained: 0, cumulative: 2, share: 20 },
      { month: 3, attained: 1, cumulative: 3, share: 30 },
      { month: 4, attained: 0, cumulative: 3, share: 30 },
    ]);
    expect(attainmentTrend(attained, 10, { from: 5, to: 6 }).map((p) => p.cumulative)).toEqual([7, 7]);
    expect(attainmentTrend(new Map(), 0, { from: 1, to: 1 })).toEqual([
      { month: 1, attained: 0, cumulative: 0, share: null },
    ]);
  });

  it('derives people below target, the met share and the mean JP', () => {
    expect(jpFigures({ ...NO_JP, people: 4, metTarget: 1, jpTenths: 250 })).toMatchObject({
      notMet: 3,
      metShare: 25,
      averageJp: 6.3,
    });
    expect(jpFigures(NO_JP)).toMatchObject({ notMet: 0, metShare: null, averageJp: null });
  });

  it('orders grades by rank, PNS and PPPK alike, unknown last', () => {
    const grades = ['IV/a', '', 'II/b', 'III/a', 'I/a', 'II/a', 'XVII', 'IX', 'IV'];
    expect([...grades].sort(gradeOrder)).toEqual(['I/a', 'II/a', 'II/b', 'III/a', 'IV', 'IV/a', 'IX', 'XVII', '']);
  });

  it('links a number to its people with only the parameters that are set', () => {
    expect(peopleLink({ node: '36.74', year: 2026, metric: 'jp-bucket', bucket: '10-19' })).toBe(
      '/pemantauan/orang?node=36.74&year=2026&metric=jp-bucket&bucket=10-19',
    );
    expect(peopleLink({ node: '', metric: 'course-overdue', courseId: 'c1', assignmentKey: '' })).toBe(
      '/pemantauan/orang?node=&metric=course-overdue&courseId=c1&assignmentKey=',
    );
  });

  it.each([
    ['36.74.01', '', ['36', '36.74', '36.74.01']],
    ['36.74.01', '36', ['36', '36.74', '36.74.01']],
    ['36.74', '36.74', ['36.74']],
    ['', '', []],
  ])('regions from %s up to the root %p', (code, root, expected) => {
    expect(ancestorRegions(code, root)).toEqual(expected);
  });
});
