import { checkFormToken, deviceHash, signFormToken } from './form-token';

const key = Buffer.from('a server secret of enough length for tests');
const other = Buffer.from('another secret');
const limits = { minFillMs: 8_000, maxAgeMs: 12 * 3600_000 };
const start = new Date('2026-03-01T02:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

describe('the form start token', () => {
  const token = signFormToken(key, 'unit-1', start);

  it.each([
    ['read after 10 seconds', token, 'unit-1', later(10_000), 'ok'],
    ['sent back after 3 seconds', token, 'unit-1', later(3_000), 'too_fast'],
    ['sent back after 13 hours', token, 'unit-1', later(13 * 3600_000), 'expired'],
    ['used for another unit', token, 'unit-2', later(10_000), 'invalid'],
    ['signed with another key', signFormToken(other, 'unit-1', start), 'unit-1', later(10_000), 'invalid'],
    [
      'with an earlier time written in',
      `${(start.getTime() - 60_000).toString(36)}.${token.split('.')[1]}`,
      'unit-1',
      later(10_000),
      'invalid',
    ],
    ['made up', 'abc', 'unit-1', later(10_000), 'invalid'],
  ])('is %s: %s', (_label, value, unitId, now, verdict) => {
    expect(checkFormToken(key, value, unitId, now, limits)).toBe(verdict);
  });
});

describe('the device hash', () => {
  it('is stable for one device and key, and differs with the key', () => {
    expect(deviceHash(key, 'device-a')).toBe(deviceHash(key, 'device-a'));
    expect(deviceHash(key, 'device-a')).not.toBe(deviceHash(key, 'device-b'));
    expect(deviceHash(other, 'device-a')).not.toBe(deviceHash(key, 'device-a'));
    expect(deviceHash(key, 'device-a')).toHaveLength(43);
  });
});
