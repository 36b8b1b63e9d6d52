import { decideEmail, EmailDecisionInput } from './channel-decision';
import { DEFAULT_QUIET_HOURS, inQuietHours, sendTimeAfterQuiet } from './quiet-hours';

const wib = (day: string, clock: string) => new Date(`${day}T${clock}:00+07:00`);
const noon = wib('2026-03-02', '12:00');
const base: EmailDecisionInput = {
  mode: 'auto',
  urgent: false,
  email: 'orang@uji.bina.id',
  addressFailed: false,
  quietHours: DEFAULT_QUIET_HOURS,
  now: noon,
};

describe('the e-mail decision', () => {
  it.each([
    ['auto, not urgent', {}, { kind: 'digest' }],
    ['auto, urgent', { urgent: true }, { kind: 'immediate', sendAt: noon }],
    ['immediate, not urgent', { mode: 'immediate' }, { kind: 'immediate', sendAt: noon }],
    ['digest, urgent', { mode: 'digest', urgent: true }, { kind: 'digest' }],
    ['off, urgent', { mode: 'off', urgent: true }, { kind: 'none', reason: 'off' }],
    ['no address', { urgent: true, email: null }, { kind: 'none', reason: 'no-address' }],
    ['a failed address', { urgent: true, addressFailed: true }, { kind: 'none', reason: 'address-failed' }],
    ['off beats a failed address', { mode: 'off', addressFailed: true }, { kind: 'none', reason: 'off' }],
    [
      'urgent at 22:00 WIB: after the quiet hours, at 06:00',
      { urgent: true, now: wib('2026-03-02', '22:00') },
      { kind: 'immediate', sendAt: wib('2026-03-03', '06:00') },
    ],
    [
      'urgent at 05:59 WIB: at 06:00 the same morning',
      { urgent: true, now: wib('2026-03-03', '05:59') },
      { kind: 'immediate', sendAt: wib('2026-03-03', '06:00') },
    ],
    [
      'urgent at 22:00 WIB for someone without quiet hours: at once',
      { urgent: true, quietHours: null, now: wib('2026-03-02', '22:00') },
      { kind: 'immediate', sendAt: wib('2026-03-02', '22:00') },
    ],
    [
      'a digest is not held by quiet hours here (the digest run applies them)',
      { now: wib('2026-03-02', '23:00') },
      { kind: 'digest' },
    ],
  ])('%s', (_name, given, expected) => {
    expect(decideEmail({ ...base, ...(given as Partial<EmailDecisionInput>) })).toEqual(expected);
  });
});

describe('quiet hours (WIB)', () => {
  it.each([
    ['20:59', false],
    ['21:00', true],
    ['23:59', true],
    ['00:00', true],
    ['05:59', true],
    ['06:00', false],
    ['12:00', false],
  ])('21:00–06:00 holds %s: %s', (clock, quiet) => {
    expect(inQuietHours(wib('2026-03-02', clock), DEFAULT_QUIET_HOURS)).toBe(quiet);
  });

  it('also works for a window that does not cross midnight (13:00–14:00)', () => {
    const lunch = { start: 13 * 60, end: 14 * 60 };
    expect(inQuietHours(wib('2026-03-02', '13:30'), lunch)).toBe(true);
    expect(inQuietHours(wib('2026-03-02', '14:00'), lunch)).toBe(false);
    expect(sendTimeAfterQuiet(wib('2026-03-02', '13:30'), lunch)).toEqual(wib('2026-03-02', '14:00'));
  });

  it('treats an empty window (start = end) as no quiet hours', () => {
    expect(inQuietHours(wib('2026-03-02', '21:00'), { start: 1260, end: 1260 })).toBe(false);
  });
});
