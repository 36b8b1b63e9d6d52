import type { Locale } from '../../../../libs/common';
import { ExportColumn, toCsv, toXlsx } from '../../../../libs/content';
import type { PlanStatus } from '../plans/entities/development-plan.entity';
import type { FollowUpReason } from './domain/reward-rules';
import type { RewardListKind } from './dto/reward-list.dto';
import type { RewardRow } from './reward-row';

/** Words of the exports (Bahasa Indonesia first), kept beside them because the API writes the file. */
const LABELS = {
  id: {
    headers: ['Nama', 'NIP', 'Unit kerja', 'JP diperoleh', 'Target JP', 'Sasaran tercapai', 'Status rencana', 'Alasan'],
    lists: { recognition: 'Memenuhi target dan meningkat', 'follow-up': 'Perlu pembinaan' },
    noPlan: 'Belum ada rencana',
    status: {
      draft: 'Draf',
      submitted: 'Diajukan',
      returned: 'Dikembalikan',
      endorsed: 'Disetujui atasan',
      approved: 'Disahkan unit',
      in_progress: 'Berjalan',
      closed: 'Ditutup',
    },
    reasons: {
      below_target: 'JP di bawah target',
      no_plan: 'Belum ada rencana pengembangan',
      plan_not_submitted: 'Rencana belum diajukan setelah batas waktu',
      review_unanswered: 'Reviu rencana belum dijawab',
    },
  },
  en: {
    headers: ['Name', 'NIP', 'Unit', 'JP earned', 'JP target', 'Goals reached', 'Plan status', 'Reasons'],
    lists: { recognition: 'Met the target and improved', 'follow-up': 'Needs follow-up' },
    noPlan: 'No plan yet',
    status: {
      draft: 'Draft',
      submitted: 'Submitted',
      returned: 'Returned',
      endorsed: 'Endorsed by supervisor',
      approved: 'Approved by unit',
      in_progress: 'In progress',
      closed: 'Closed',
    },
    reasons: {
      below_target: 'JP below target',
      no_plan: 'No development plan',
      plan_not_submitted: 'Plan not submitted after the deadline',
      review_unanswered: 'Plan review not answered',
    },
  },
} as const satisfies Record<
  Locale,
  {
    headers: readonly string[];
    lists: Record<RewardListKind, string>;
    noPlan: string;
    status: Record<PlanStatus, string>;
    reasons: Record<FollowUpReason, string>;
  }
>;

export function rewardLabels(locale: Locale) {
  return LABELS[locale] ?? LABELS.id;
}

function columns(locale: Locale): ExportColumn<RewardRow>[] {
  const l = rewardLabels(locale);
  const [name, nip, unit, earned, target, goals, status, reasons] = l.headers;
  return [
    { header: name, value: (r) => r.name },
    { header: nip, value: (r) => r.nip },
    { header: unit, value: (r) => r.unitName },
    { header: earned, value: (r) => r.earnedJp },
    { header: target, value: (r) => r.targetJp },
    { header: goals, value: (r) => `${r.goalsReached}/${r.goalsTotal}` },
    { header: status, value: (r) => (r.planStatus ? l.status[r.planStatus] : l.noPlan) },
    { header: reasons, value: (r) => r.reasons.map((x) => l.reasons[x]).join('; ') },
  ];
}

export interface ExportFile {
  fileName: string;
  mime: string;
  body: Buffer;
}

/** The list as CSV (formula-safe, UTF-8 with BOM) or XLSX, named after the list and year. */
export async function exportRewardList(
  kind: RewardListKind,
  year: number,
  rows: RewardRow[],
  format: 'csv' | 'xlsx',
  locale: Locale,
): Promise<ExportFile> {
  const base = `${kind === 'recognition' ? 'penghargaan' : 'pembinaan'}-${year}`;
  if (format === 'xlsx') {
    const sheet = rewardLabels(locale).lists[kind];
    return {
      fileName: `${base}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toXlsx(sheet, columns(locale), rows),
    };
  }
  return { fileName: `${base}.csv`, mime: 'text/csv; charset=utf-8', body: Buffer.from(toCsv(columns(locale), rows)) };
}
