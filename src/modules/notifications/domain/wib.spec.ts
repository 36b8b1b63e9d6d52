import { formatClock, nextWibMinute, parseClock, startOfWibDay, wibDay, wibMinuteOfDay } from './wib';

describe('WIB days and clock times', () => {
  it('puts 17:00 UTC in the next WIB day', () => {
    expect(wibDay(new Date('2026-03-02T16:59:59Z'))).toBe('2026-03-02');
    expect(wibDay(new Date('2026-03-02T17:00:00Z'))).toBe('2026-03-03');
  });

  it('starts a WIB day at 17:00 UTC the day before', () => {
    expect(startOfWibDay('2026-03-03').toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(startOfWibDay('2026-03-03', 7).toISOString()).toBe('2026-03-09T17:00:00.000Z');
  });

  it('reads the WIB clock and finds its next reading', () => {
    const at = new Date('2026-03-02T22:00:00+07:00');
    expect(wibMinuteOfDay(at)).toBe(22 * 60);
    expect(nextWibMinute(at, 6 * 60)).toEqual(new Date('2026-03-03T06:00:00+07:00'));
    expect(nextWibMinute(at, 22 * 60)).toEqual(at);
  });

  it.each([
    ['21:00', 1260],
    ['06:05', 365],
    ['24:00', null],
    ['9:00', null],
    ['', null],
  ])('parses %s as %s', (text, minute) => {
    expect(parseClock(text)).toBe(minute);
    if (minute !== null) expect(formatClock(minute)).toBe(text);
  });
});
