import { GapService } from '../development-plans/needs/gap.service';
import type { PersonGaps } from '../development-plans/needs/person-gaps';
import {
  TargetPositionsService,
  TargetPositionView,
} from '../development-plans/needs/records/target-positions.service';
import { OrganisationApi } from '../organisation/organisation.api';
import { Translate } from './i18n/messages';
import { gapChartSvg } from './needs-chart';

/** What a gap-table page shows of one person: the table, positions, and the chart. */
export interface GapPageData {
  gaps: PersonGaps;
  positionName: string | null;
  target: TargetPositionView | null;
  chartSvg: string | null;
}

/** The services a gap page reads (page controllers inject them; the web module's providers stay shared). */
export interface GapPageSources {
  gapService: GapService;
  targets: TargetPositionsService;
  organisation: OrganisationApi;
}

/** Loads one person's gap table for a page (the ASN's own, or an admin looking at one ASN). */
export async function gapPageData(sources: GapPageSources, userId: string, t: Translate): Promise<GapPageData> {
  {
    const [gaps, target] = await Promise.all([sources.gapService.gapsOf(userId), sources.targets.get(userId)]);
    const [position] = gaps.positionId ? await sources.organisation.positionsByIds([gaps.positionId]) : [];
    const chartSvg = gaps.rows.length
      ? gapChartSvg(
          gaps.rows.map((r) => ({
            code: r.competencyCode,
            name: r.competencyName,
            required: r.requiredLevel,
            target: r.targetRequiredLevel,
            current: r.currentLevel,
          })),
          {
            title: t('needs.chart.title.long'),
            description: gaps.rows
              .map((r) =>
                t('needs.chart.row', {
                  name: r.competencyName,
                  required: r.requiredLevel ?? '-',
                  current: r.currentLevel,
                }),
              )
              .join(' '),
            required: t('needs.chart.required'),
            target: t('needs.chart.target'),
            current: t('needs.chart.current'),
          },
        )
      : null;
    return { gaps, positionName: position?.name ?? null, target, chartSvg };
  }
}
