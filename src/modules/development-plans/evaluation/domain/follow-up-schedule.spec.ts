import {
  daysBetween,
  followUpDueAt,
  followUpEventKey,
  FollowUpState,
  nextFollowUpStep,
  startOfWibDay,
  wibDay,
} from './follow-up-schedule';

const at = (iso: string) => new Date(iso);
const state = (s: Partial<FollowUpState>): FollowUpState => ({
  status: 'scheduled',
  dueAt: at('2026-06-01T03:00:00Z'),
  firstSentAt: null,
  lastSentAt: null,
  reminders: 0,
  ...s,
});

describe('follow-up schedule (L3)', () => {
  it('dates the follow-up the configured number of days after completion', () => {
    expect(followUpDueAt(at('2026-03-03T03:00:00Z'), 90).toISOString()).toBe('2026-06-01T03:00:00.000Z');
    expect(followUpDueAt(at('2026-03-03T03:00:00Z'), 30).toISOString()).toBe('2026-04-02T03:00:00.000Z');
  });

  it('counts days on the WIB calendar', () => {
    expect(wibDay(at('2026-05-31T16:59:59Z'))).toBe('2026-05-31');
    expect(wibDay(at('2026-05-31T17:00:00Z'))).toBe('2026-06-01');
    expect(startOfWibDay('2026-06-01').toISOString()).toBe('2026-05-31T17:00:00.000Z');
    expect(daysBetween('2026-06-01', '2026-07-01')).toBe(30);
    expect(daysBetween('2026-06-08', '2026-06-01')).toBe(-7);
  });

  const sent = state({
    status: 'sent',
    firstSentAt: at('2026-06-01T00:10:00Z'),
    lastSentAt: at('2026-06-01T00:10:00Z'),
  });
  const reminded = { ...sent, lastSentAt: at('2026-06-08T00:10:00Z'), reminders: 1 };

  it.each([
    ['a scheduled one before its day', state({}), '2026-05-31', { kind: 'wait' }],
    ['a scheduled one on its day', state({}), '2026-06-01', { kind: 'send' }],
    [
      'a scheduled one due late at night WIB',
      state({ dueAt: at('2026-06-01T16:30:00Z') }),
      '2026-06-01',
      { kind: 'send' },
    ],
    ['a scheduled one found late (the scan missed days)', state({}), '2026-06-20', { kind: 'send' }],
    ['a sent one 6 days later', sent, '2026-06-07', { kind: 'wait' }],
    ['a sent one 7 days later', sent, '2026-06-08', { kind: 'remind', reminder: 1 }],
    ['a reminded one the same day', reminded, '2026-06-08', { kind: 'wait' }],
    ['a reminded one 7 days after the reminder', reminded, '2026-06-15', { kind: 'remind', reminder: 2 }],
    [
      'a sent one 29 days after the first send',
      { ...reminded, lastSentAt: at('2026-06-29T00:10:00Z') },
      '2026-06-30',
      { kind: 'wait' },
    ],
    [
      'a sent one 30 days after the first send',
      { ...reminded, lastSentAt: at('2026-06-29T00:10:00Z') },
      '2026-07-01',
      { kind: 'expire' },
    ],
    ['an answered one', { ...sent, status: 'answered' as const }, '2026-06-08', { kind: 'wait' }],
    ['an expired one', { ...sent, status: 'expired' as const }, '2026-08-01', { kind: 'wait' }],
  ])('%s', (_name, s, today, expected) => {
    expect(nextFollowUpStep(s, today)).toEqual(expected);
  });

  it('reminds on days 7, 14, 21 and 28 after the first send and expires on day 30, over consecutive scans', () => {
    let s: FollowUpState = state({});
    const log: string[] = [];
    for (let d = 0; d <= 40; d++) {
      const today = wibDay(new Date(Date.parse('2026-06-01T05:00:00Z') + d * 86_400_000));
      const now = startOfWibDay(today, 0.01);
      const step = nextFollowUpStep(s, today);
      if (step.kind === 'send') s = { ...s, status: 'sent', firstSentAt: now, lastSentAt: now };
      if (step.kind === 'remind') s = { ...s, lastSentAt: now, reminders: step.reminder };
      if (step.kind === 'expire') s = { ...s, status: 'expired' };
      if (step.kind !== 'wait') log.push(`${d}:${step.kind}`);
    }
    expect(log).toEqual(['0:send', '7:remind', '14:remind', '21:remind', '28:remind', '30:expire']);
  });

  it('keys each send of a survey apart', () => {
    expect(followUpEventKey('s1', 0)).toBe('follow-up-survey:s1:0');
    expect(followUpEventKey('s1', 0)).not.toBe(followUpEventKey('s1', 1));
  });
});
