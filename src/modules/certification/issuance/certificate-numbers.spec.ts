import { formatSerial, isVerificationCode, newVerificationCode, serialIssuer, wibDay } from './certificate-numbers';

describe('certificate numbers', () => {
  it('makes verification codes of 144 random bits that never repeat in practice', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(isVerificationCode(code)).toBe(true);
      expect(Buffer.from(code, 'base64url')).toHaveLength(18);
    }
  });

  it.each([
    ['', false],
    ['abc', false],
    ['a'.repeat(24), true],
    ['a'.repeat(23) + '/', false],
    ['a'.repeat(25), false],
  ])('accepts %j as a code shape: %s', (value, ok) => {
    expect(isVerificationCode(value)).toBe(ok);
  });

  it.each([
    ['BKPSDM-3674', 2026, 1, 'BINA/BKPSDM-3674/2026/000001'],
    ['bkpsdm kota medan', 2026, 1234567, 'BINA/BKPSDM-KOTA-MEDAN/2026/1234567'],
    [null, 2027, 42, 'BINA/NASIONAL/2027/000042'],
  ])('prints the serial of issuer %j, %i, number %i as %s', (issuer, year, n, serial) => {
    expect(formatSerial(serialIssuer(issuer), year, n)).toBe(serial);
  });

  it('gives unit codes that print alike one issuer, so that they share one counter', () => {
    expect(serialIssuer('BKPSDM_3674')).toBe(serialIssuer('BKPSDM-3674'));
    expect(serialIssuer('bkpsdm-3674')).toBe('BKPSDM-3674');
  });

  it.each([
    ['2026-12-31T16:59:59.000Z', '2026-12-31'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'],
  ])('dates %s as %s in WIB', (iso, day) => {
    expect(wibDay(new Date(iso))).toBe(day);
  });
});
