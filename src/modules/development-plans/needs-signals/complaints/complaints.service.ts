import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, AuthUser, regionSubtreeCondition, regionWithin } from '../../../../../libs/auth';
import {
  Clock,
  DomainException,
  FieldProblem,
  newId,
  Page,
  toPage,
  validationFailed,
} from '../../../../../libs/common';
import { detectFormat, readTable } from '../../../../../libs/content';
import { TransactionRunner } from '../../../../../libs/database';
import { OrganisationApi, UnitView } from '../../../organisation/organisation.api';
import { complaintProblems, readComplaintTable } from '../domain/complaint-table';
import { themeKey, tidyText } from '../domain/theme-mapping';
import { ComplaintTrendsQuery, RecordComplaintDto } from '../dto/complaint.dto';
import { ComplaintCount } from '../entities';
import { SignalsError } from '../needs-signals.errors';
import { ComplaintSeries, complaintSeries, trendWindow } from './complaint-series';
import { ComplaintThemesService } from './complaint-themes.service';

export interface ComplaintImportResult {
  imported: number;
  /** Counts that replaced an earlier one of the same unit, service area, theme and month. */
  replaced: number;
}

export interface UnitComplaints {
  unit: { id: string; code: string; name: string; regionCode: string | null };
  series: ComplaintSeries[];
}

const MAX_LISTED = 100;
const CHUNK = 500;
type NewCount = Omit<ComplaintCount, 'id' | 'recordedBy' | 'recordedAt'>;

/** Public complaint counts per unit, service area, theme and month: recorded one by one or imported. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly organisation: OrganisationApi,
    private readonly themes: ComplaintThemesService,
  ) {}

  async record(user: AuthUser, scope: AccessScope, dto: RecordComplaintDto): Promise<{ replaced: boolean }> {
    const [unit] = await this.organisation.unitsByIds([dto.unitId]);
    if (!unit || !unitVisible(scope, unit))
      throw new DomainException(SignalsError.SIGNALS_UNIT_NOT_FOUND, 'No such unit in your region');
    const row = {
      unitCode: unit.code,
      serviceArea: tidyText(dto.serviceArea),
      theme: tidyText(dto.theme),
      period: dto.period,
    };
    const problems = complaintProblems({ ...row, count: dto.count }, this.clock.now());
    if (problems.length)
      throw new DomainException(SignalsError.SIGNALS_COMPLAINT_INVALID, problems[0].message, { fields: problems });
    const replaced = await this.write(user, [countOf(unit, { ...row, count: dto.count })]);
    return { replaced: replaced === 1 };
  }

  /** All rows or none: any problem (named by line and column) leaves the data as it was. */
  async import(user: AuthUser, scope: AccessScope, content: Buffer): Promise<ComplaintImportResult> {
    const format = detectFormat(content);
    if (!format)
      throw validationFailed([{ field: 'file', rule: 'format', message: 'file must be CSV (UTF-8) or XLSX' }]);
    const { rows, problems } = readComplaintTable(await readTable(content, format), this.clock.now());
    const codes = [...new Set(rows.map((r) => r.unitCode))];
    const units = new Map<string, UnitView>();
    for (let i = 0; i < codes.length; i += CHUNK)
      for (const u of await this.organisation.unitsByCodes(codes.slice(i, i + CHUNK)))
        units.set(u.code.toUpperCase(), u);
    for (const r of rows) {
      const unit = units.get(r.unitCode.toUpperCase());
      if (!unit || !unitVisible(scope, unit))
        problems.push({
          field: `line ${r.line}: unitCode`,
          rule: 'unknown_unit',
          message: `line ${r.line}: no unit with code ${r.unitCode} in your region`,
        });
    }
    if (problems.length) throw importInvalid(problems);
    if (rows.length === 0)
      throw validationFailed([{ field: 'file', rule: 'required', message: 'the file holds no rows' }]);
    const replaced = await this.write(
      user,
      rows.map((r) => countOf(units.get(r.unitCode.toUpperCase())!, r)),
    );
    return { imported: rows.length, replaced };
  }

  /** A page of units in the caller's region with their series over the last six complete months. */
  async trends(
    scope: AccessScope,
    query: ComplaintTrendsQuery,
    asOf = this.clock.now(),
  ): Promise<Page<UnitComplaints>> {
    const window = trendWindow(asOf);
    const [unitRows, total] = await this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder(ComplaintCount, 'c')
        .select('c.unitId', 'unitId')
        .where('c.period >= :from AND c.period <= :to', { from: window[0], to: window[window.length - 1] });
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('c.region_code', scope.regionCode);
        qb.andWhere(c.sql, c.params);
      }
      if (query.unitId) qb.andWhere('c.unitId = :unitId', { unitId: query.unitId });
      const count = await qb.clone().select('COUNT(DISTINCT c.unit_id)', 'n').getRawOne<{ n: unknown }>();
      const page = await qb
        .groupBy('c.unitId')
        .orderBy('c.unitId', 'ASC')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getRawMany<{ unitId: string }>();
      return [page.map((p) => p.unitId), Number(count?.n ?? 0)] as const;
    });
    const [units, rows] = await Promise.all([
      this.organisation.unitsByIds([...unitRows]),
      this.countsOf([...unitRows], window),
    ]);
    const mappings = await this.themes.mappingsOf(rows.map((r) => r.themeKey));
    const series = complaintSeries(rows, mappings, asOf);
    const items = units
      .map((u) => ({
        unit: { id: u.id, code: u.code, name: u.name, regionCode: u.regionCode },
        series: series
          .filter((s) => s.unitId === u.id)
          .sort((a, b) => a.serviceArea.localeCompare(b.serviceArea) || a.theme.localeCompare(b.theme)),
      }))
      .sort((a, b) => a.unit.name.localeCompare(b.unit.name));
    return toPage(items, total, query);
  }

  /** Per unit: the competencies of its rising complaint themes as of `asOf`. */
  async risingCompetencies(unitIds: string[], asOf: Date): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (unitIds.length === 0) return out;
    const rows = await this.countsOf([...new Set(unitIds)], trendWindow(asOf));
    const rising = rows.length
      ? complaintSeries(rows, await this.themes.mappingsOf(rows.map((r) => r.themeKey)), asOf)
      : [];
    for (const s of rising) {
      if (!s.verdict.rising || s.competencyCodes.length === 0) continue;
      const codes = out.get(s.unitId) ?? new Set<string>();
      s.competencyCodes.forEach((c) => codes.add(c));
      out.set(s.unitId, codes);
    }
    return out;
  }

  /** The counts of these units within the trend window (six complete months up to the last one). */
  private async countsOf(unitIds: string[], window: string[]): Promise<ComplaintCount[]> {
    const out: ComplaintCount[] = [];
    for (let i = 0; i < unitIds.length; i += CHUNK) {
      const chunk = unitIds.slice(i, i + CHUNK);
      const rows = await this.tx.run((m) =>
        m
          .createQueryBuilder(ComplaintCount, 'c')
          .where({ unitId: In(chunk) })
          .andWhere('c.period >= :from AND c.period <= :to', { from: window[0], to: window[window.length - 1] })
          .getMany(),
      );
      out.push(...rows);
    }
    return out;
  }

  /** Upserts the counts in one transaction; returns how many replaced an earlier count. */
  private async write(user: AuthUser, counts: NewCount[]): Promise<number> {
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      let replaced = 0;
      for (let i = 0; i < counts.length; i += CHUNK) {
        const chunk = counts.slice(i, i + CHUNK);
        const existing = await m.find(ComplaintCount, {
          select: { unitId: true, areaKey: true, themeKey: true, period: true },
          where: {
            unitId: In([...new Set(chunk.map((c) => c.unitId))]),
            period: In([...new Set(chunk.map((c) => c.period))]),
          },
        });
        const seen = new Set(existing.map(seriesKey));
        replaced += chunk.filter((c) => seen.has(seriesKey(c))).length;
        await m
          .createQueryBuilder()
          .insert()
          .into(ComplaintCount)
          .values(chunk.map((c) => ({ ...c, id: newId(), recordedBy: user.id, recordedAt: now })))
          .orUpdate(
            ['service_area', 'theme', 'complaints', 'recorded_by', 'recorded_at'],
            ['unit_id', 'area_key', 'theme_key', 'period_ym'],
          )
          .updateEntity(false)
          .execute();
      }
      return replaced;
    });
  }
}

const seriesKey = (c: Pick<ComplaintCount, 'unitId' | 'areaKey' | 'themeKey' | 'period'>) =>
  `${c.unitId}|${c.areaKey}|${c.themeKey}|${c.period}`;

function countOf(unit: UnitView, r: { serviceArea: string; theme: string; period: string; count: number }): NewCount {
  return {
    unitId: unit.id,
    regionCode: unit.regionCode,
    serviceArea: r.serviceArea,
    areaKey: themeKey(r.serviceArea),
    theme: r.theme,
    themeKey: themeKey(r.theme),
    period: r.period,
    count: r.count,
  };
}

export function unitVisible(scope: AccessScope, unit: Pick<UnitView, 'regionCode'>): boolean {
  return scope.kind === 'national' || (scope.kind === 'region' && regionWithin(unit.regionCode, scope.regionCode));
}

function importInvalid(problems: FieldProblem[]): DomainException {
  return new DomainException(
    SignalsError.SIGNALS_IMPORT_INVALID,
    `${problems.length} problem(s) in the file; nothing was imported`,
    { fields: problems.slice(0, MAX_LISTED), problemCount: problems.length },
  );
}
