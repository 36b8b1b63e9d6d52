import { ConversionRule, convertToJp } from './jp-conversion';

const training: ConversionRule = {
  rule: 'programme',
  jpPerDay: null,
  jpPerDayInternational: null,
  internationalBonusPercent: 20,
};
const seminar: ConversionRule = {
  rule: 'per_day',
  jpPerDay: 4,
  jpPerDayInternational: 6,
  internationalBonusPercent: 0,
};
const workshop: ConversionRule = {
  rule: 'per_day',
  jpPerDay: 5,
  jpPerDayInternational: 7,
  internationalBonusPercent: 0,
};
const coaching: ConversionRule = {
  rule: 'programme',
  jpPerDay: null,
  jpPerDayInternational: null,
  internationalBonusPercent: 0,
};

describe('JP conversion of development activities (LAN)', () => {
  it.each([
    ['national training of 40 JP', training, { programmeJp: 40, international: false }, 40],
    ['international training of 40 JP (+20%)', training, { programmeJp: 40, international: true }, 48],
    ['international training of 17 JP', training, { programmeJp: 17, international: true }, 20.4],
    ['a 2-day seminar', seminar, { days: 2, international: false }, 8],
    ['a 2-day international seminar', seminar, { days: 2, international: true }, 12],
    ['a 3-day workshop', workshop, { days: 3, international: false }, 15],
    ['a 1-day international workshop', workshop, { days: 1, international: true }, 7],
    ['coaching of 6 JP abroad (no bonus)', coaching, { programmeJp: 6, international: true }, 6],
  ])('credits %s with %p JP', (_label, rule, facts, jp) => {
    expect(convertToJp(rule, facts)).toEqual({ ok: true, jp });
  });

  it.each([
    ['a seminar without days', seminar, { programmeJp: 8, international: false }, 'days'],
    ['a training without programme JP', training, { days: 3, international: false }, 'programmeJp'],
    ['zero days', workshop, { days: 0, international: false }, 'days'],
  ] as const)('asks for what is missing: %s', (_label, rule, facts, missing) => {
    expect(convertToJp(rule, facts)).toEqual({ ok: false, missing });
  });
});
