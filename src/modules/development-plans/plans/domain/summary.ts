import { jpShortfall } from './jp-shortfall';

export interface SummaryFacts {
  goals: ReadonlyArray<{ currentLevel: number; targetLevel: number }>;
  activities: ReadonlyArray<{ status: 'planned' | 'done' }>;
  earnedJpTenths: number;
  targetJpTenths: number;
  /** What the admin who closed it early wrote, if anything. */
  note?: string | null;
}

const jp = (tenths: number) => (tenths / 10).toLocaleString('id-ID', { maximumFractionDigits: 1 });

/**
 * The closing summary of a plan, in Bahasa Indonesia (the record of the agency): goals
 * reached, activities done, JP earned against the target.
 */
export function closingSummary(facts: SummaryFacts): string {
  const reached = facts.goals.filter((g) => g.currentLevel >= g.targetLevel).length;
  const done = facts.activities.filter((a) => a.status === 'done').length;
  const short = jpShortfall(facts.earnedJpTenths, facts.targetJpTenths);
  const lines = [
    `Tujuan tercapai: ${reached} dari ${facts.goals.length}.`,
    `Kegiatan selesai: ${done} dari ${facts.activities.length}.`,
    `JP diperoleh: ${jp(facts.earnedJpTenths)} dari target ${jp(facts.targetJpTenths)}` +
      (short.short ? ` (kurang ${jp(short.shortfallTenths)}).` : ' (target terpenuhi).'),
  ];
  if (facts.note) lines.push(`Catatan: ${facts.note}`);
  return lines.join(' ');
}
