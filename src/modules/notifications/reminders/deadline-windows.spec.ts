import { reminderEventKey, reminderWindows } from './deadline-windows';

describe('deadline reminder windows', () => {
  it('looks at the whole WIB day 7 days ahead and the next day', () => {
    expect(reminderWindows('2026-03-02').map((w) => [w.days, w.from.toISOString(), w.to.toISOString()])).toEqual([
      [7, '2026-03-08T17:00:00.000Z', '2026-03-09T17:00:00.000Z'],
      [1, '2026-03-02T17:00:00.000Z', '2026-03-03T17:00:00.000Z'],
    ]);
  });

  it('puts each deadline in exactly one scan per reminder, over consecutive days', () => {
    const deadline = new Date('2026-03-20T00:00:00Z'); // 07:00 WIB on 20 March
    const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10));
    const hits = days.flatMap((day) =>
      reminderWindows(day)
        .filter((w) => deadline >= w.from && deadline < w.to)
        .map((w) => `${day}:${w.days}`),
    );
    expect(hits).toEqual(['2026-03-13:7', '2026-03-19:1']);
  });

  it('keys a reminder by course, deadline and distance', () => {
    const deadline = new Date('2026-03-20T00:00:00Z');
    expect(reminderEventKey('c1', deadline, 7)).toBe('deadline-approaching:c1:2026-03-20T00:00:00.000Z:7');
    expect(reminderEventKey('c1', deadline, 7)).not.toBe(reminderEventKey('c1', deadline, 1));
  });
});
