import type { DevelopmentForm } from '../entities';

export type ConversionRule = Pick<
  DevelopmentForm,
  'rule' | 'jpPerDay' | 'jpPerDayInternational' | 'internationalBonusPercent'
>;

export interface ActivityFacts {
  /** JP stated by the programme (training, course, e-learning, ...). */
  programmeJp?: number;
  /** Days attended (seminar, workshop). */
  days?: number;
  international: boolean;
}

export type JpResult = { ok: true; jp: number } | { ok: false; missing: 'programmeJp' | 'days' };

/**
 * JP credited for an activity under the LAN conversion: a programme counts its own JP
 * (plus the bonus when international, 20% for training); seminars and workshops count
 * a fixed JP per day (4/6 and 5/7 by default). Rounded to one decimal.
 */
export function convertToJp(rule: ConversionRule, facts: ActivityFacts): JpResult {
  if (rule.rule === 'per_day') {
    if (!facts.days || facts.days <= 0) return { ok: false, missing: 'days' };
    const perDay = facts.international ? (rule.jpPerDayInternational ?? rule.jpPerDay ?? 0) : (rule.jpPerDay ?? 0);
    return { ok: true, jp: round(facts.days * perDay) };
  }
  if (!facts.programmeJp || facts.programmeJp <= 0) return { ok: false, missing: 'programmeJp' };
  const bonus = facts.international ? rule.internationalBonusPercent : 0;
  return { ok: true, jp: round(facts.programmeJp * (1 + bonus / 100)) };
}

const round = (value: number) => Math.round(value * 10) / 10;
