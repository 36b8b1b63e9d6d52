import { normaliseGrade, pangkatOf, PNS_GRADES, PPPK_GRADES } from './golongan';

describe('grades', () => {
  it('has the 17 PNS grades from I/a Juru Muda to IV/e Pembina Utama, and PPPK I-XVII', () => {
    expect(PNS_GRADES).toHaveLength(17);
    expect(PNS_GRADES[0]).toEqual(['I/a', 'Juru Muda']);
    expect(PNS_GRADES[16]).toEqual(['IV/e', 'Pembina Utama']);
    expect(PPPK_GRADES).toHaveLength(17);
  });

  it.each([
    ['PNS', 'iii/a', 'III/a'],
    ['PNS', ' IV / e ', 'IV/e'],
    ['PNS', 'V/a', null],
    ['PNS', 'IX', null],
    ['PPPK', 'ix', 'IX'],
    ['PPPK', 'III/a', null],
  ] as const)('normalises %s grade %j to %j', (type, input, expected) => {
    expect(normaliseGrade(type, input)).toBe(expected);
  });

  it('names the pangkat of a grade', () => {
    expect(pangkatOf('III/c')).toBe('Penata');
    expect(pangkatOf('XVII')).toBeNull();
  });
});
