import { exceedsDayLimit, noonWib, sessionDateProblem, sessionJpTenths, sessionRole, wibDay } from './session-rules';

describe('mentoring session rules', () => {
  describe('JP of a confirmed session', () => {
    const programme = { rule: 'programme' as const, jpPerDay: null };
    it.each([
      ['the default rule: 45 minutes make 1 JP', null, 45, 45, 10],
      ['the default rule: 90 minutes make 2 JP', null, 90, 45, 20],
      ['the default rule rounds to one decimal (60 min = 1.3 JP)', null, 60, 45, 13],
      ['the programme rule counts the session length', programme, 135, 45, 30],
      ['the programme rule follows the minutes-per-JP setting', programme, 120, 60, 20],
      ['a broken setting falls back to 45 minutes', programme, 90, 0, 20],
      ['the per-day rule counts one day per session', { rule: 'per_day' as const, jpPerDay: 4 }, 30, 45, 40],
      ['a per-day rule without its number credits nothing', { rule: 'per_day' as const, jpPerDay: null }, 30, 45, 0],
      ['no minutes, no JP', null, 0, 45, 0],
    ])('%s', (_name, form, minutes, perJp, tenths) => {
      expect(sessionJpTenths(form, minutes, perJp)).toBe(tenths);
    });
  });

  describe('the day a session may be logged for', () => {
    it.each([
      ['a day between the pairing start and today', '2026-03-01', null],
      ['today itself', '2026-03-10', null],
      ['the pairing’s first day', '2026-02-01', null],
      ['a day in the future', '2026-03-11', 'future'],
      ['a day before the pairing started', '2026-01-31', 'before_pairing'],
      ['a day that does not exist', '2026-02-30', 'invalid'],
      ['something that is not a day', '10/03/2026', 'invalid'],
    ])('%s', (_name, day, problem) => {
      expect(sessionDateProblem(day, '2026-03-10', '2026-02-01')).toBe(problem);
    });
  });

  describe('who answers a session', () => {
    const pairing = { mentorId: 'mentor', menteeId: 'mentee' };
    it.each([
      ['the mentee answers what the mentor logged', 'mentor', 'mentee', 'answerer'],
      ['the mentor answers what the mentee logged', 'mentee', 'mentor', 'answerer'],
      ['the logger cannot answer their own session', 'mentor', 'mentor', 'logger'],
      ['someone outside the pairing cannot answer', 'mentor', 'stranger', 'outsider'],
    ])('%s', (_name, loggedBy, user, role) => {
      expect(sessionRole(pairing, loggedBy, user)).toBe(role);
    });
  });

  describe('the minutes a pair may log on one day', () => {
    it.each([
      ['a first session of 8 hours', 0, 480, false],
      ['a second session that fills the day exactly', 300, 180, false],
      ['a session that goes past 8 hours', 300, 181, true],
      ['anything after a full day', 480, 10, true],
    ])('%s', (_name, logged, minutes, exceeds) => {
      expect(exceedsDayLimit(logged, minutes)).toBe(exceeds);
    });
  });

  it('dates a day in WIB: 23:30 WIB on 31 December is still that year', () => {
    expect(wibDay(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12-31');
    expect(wibDay(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
    expect(noonWib('2026-03-02').toISOString()).toBe('2026-03-02T05:00:00.000Z');
  });
});
