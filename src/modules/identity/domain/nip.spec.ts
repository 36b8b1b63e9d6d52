import { checkNip, formatNip, maskNip, NipProblem } from './nip';

const NOW = new Date('2026-11-22T00:00:00Z');

describe('NIP validation', () => {
  it.each([
    ['198609262015051001', '1986-09-26', '2015-05', 'male', 1],
    ['19860926 201505 1 001', '1986-09-26', '2015-05', 'male', 1],
    ['199202292019032999', '1992-02-29', '2019-03', 'female', 999],
    ['197001011995121002', '1970-01-01', '1995-12', 'male', 2],
  ])('accepts %s', (input, birthDate, appointment, sex, sequence) => {
    const result = checkNip(input, NOW);
    expect(result).toEqual({
      ok: true,
      nip: input.replace(/ /g, ''),
      parts: { birthDate, appointment, sex, sequence },
    });
  });

  it.each<[string, string, NipProblem]>([
    ['letters', '19860926201505100A', 'format'],
    ['dashes', '19860926-201505-1-001', 'format'],
    ['17 digits', '19860926201505100', 'length'],
    ['19 digits', '1986092620150510011', 'length'],
    ['empty', '', 'length'],
    ['month 13 in birth date', '198613262015051001', 'birth_date'],
    ['30 February', '198602302015051001', 'birth_date'],
    ['29 February in a common year', '199302292015051001', 'birth_date'],
    ['birth in the future', '203001012015051001', 'birth_date'],
    ['TMT month 00', '198609262015001001', 'appointment_month'],
    ['TMT month 13', '198609262015131001', 'appointment_month'],
    ['appointed before birth', '198609261985051001', 'appointment_before_birth'],
    ['appointed in the birth month', '198609261986091001', 'appointment_before_birth'],
    ['appointed in the future', '198609262027011001', 'appointment_in_future'],
    ['sex digit 3', '198609262015053001', 'sex_digit'],
    ['sex digit 0', '198609262015050001', 'sex_digit'],
    ['sequence 000', '198609262015051000', 'sequence'],
  ])('rejects %s with the reason', (_label, input, problem) => {
    const result = checkNip(input, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('takes a TMT of the current month from 00:00 WIB on its first day', () => {
    // 01:00 WIB on 1 April 2026 is still 31 March in UTC.
    expect(checkNip('198609262026041001', new Date('2026-03-31T18:00:00Z')).ok).toBe(true);
    expect(checkNip('198609262026051001', new Date('2026-03-31T18:00:00Z')).ok).toBe(false);
  });

  it('formats with spaces between groups and masks all but the last four digits', () => {
    expect(formatNip('198609262015051001')).toBe('19860926 201505 1 001');
    expect(maskNip('198609262015051001')).toBe('**************1001');
    expect(maskNip(null)).toBe('');
  });
});
