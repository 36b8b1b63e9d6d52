import { ExportColumn, toCsv, toXlsx } from '../../../../../libs/content';
import { AgencyNeeds, NamedNeed } from './agency-needs.service';

/** One line of the export: a need of the whole population or of one unit. */
interface ExportLine {
  scope: string;
  need: NamedNeed;
}

const COLUMNS: ExportColumn<ExportLine>[] = [
  { header: 'Cakupan', value: (l) => l.scope },
  { header: 'Peringkat', value: (l) => l.need.rank },
  { header: 'Kode kompetensi', value: (l) => l.need.competencyCode },
  { header: 'Kompetensi', value: (l) => l.need.competencyName },
  { header: 'Jumlah ASN dengan gap', value: (l) => l.need.people },
  { header: 'Rata-rata gap', value: (l) => l.need.meanGap },
  { header: 'Prioritas tinggi', value: (l) => l.need.highPriority },
  { header: 'Skor prioritas', value: (l) => l.need.score },
  { header: 'Level dibutuhkan', value: (l) => l.need.requiredLevel },
  {
    header: 'Kursus disarankan',
    value: (l) => l.need.suggestedCourses.map((c) => `${c.title} (level ${c.level}, ${c.jp} JP)`).join('; '),
  },
  { header: 'Estimasi JP', value: (l) => l.need.estimatedJp },
];

function lines(view: AgencyNeeds): ExportLine[] {
  const population = view.population.unitName ?? `Wilayah ${view.population.regionName}`;
  return [
    ...view.needs.map((need) => ({ scope: population, need })),
    ...view.regions.flatMap((r) => r.needs.map((need) => ({ scope: `Wilayah ${r.regionName}`, need }))),
    ...view.units.flatMap((u) => u.needs.map((need) => ({ scope: u.unitName, need }))),
  ];
}

/** The agency view as the input to the unit's yearly training plan: CSV for Excel, or XLSX. */
export function agencyCsv(view: AgencyNeeds): string {
  return toCsv(COLUMNS, lines(view));
}

export function agencyXlsx(view: AgencyNeeds): Promise<Buffer> {
  return toXlsx('Kebutuhan pelatihan', COLUMNS, lines(view));
}

export function agencyFileName(view: AgencyNeeds, ext: 'csv' | 'xlsx'): string {
  const slug = (view.population.unitName ?? view.population.regionCode).replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60);
  return `kebutuhan-pelatihan-${slug}.${ext}`;
}
