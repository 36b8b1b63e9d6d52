import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, AuthUser, regionWithin } from '../../../../../libs/auth';
import { Clock, DomainException, newId } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import { ThemeMapping, themeKey, tidyText } from '../domain/theme-mapping';
import { MapThemeDto } from '../dto/complaint.dto';
import { ComplaintTheme } from '../entities';
import { SignalsError } from '../needs-signals.errors';

export interface ThemeMappingView {
  theme: string;
  competencyCodes: string[];
  /** The region whose admin set it ('' = national). */
  scopeKey: string;
  /** The caller set it at their own level (and may change it here). */
  own: boolean;
  updatedAt: string;
}

/** Which competencies complaint themes point at, set per region by its admins. */
@Injectable()
export class ComplaintThemesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly competencies: CompetenciesApi,
  ) {}

  /** Sets (or, with no codes, removes) the caller's mapping of a theme for their region. */
  async map(user: AuthUser, scope: AccessScope, dto: MapThemeDto): Promise<ThemeMappingView | null> {
    const scopeKey = scopeKeyOf(scope);
    const codes = [...new Set(dto.competencyCodes.map((c) => c.trim().toUpperCase()))];
    const unknown = await this.competencies.unknownCodes(codes);
    if (unknown.length) {
      throw new DomainException(
        SignalsError.SIGNALS_COMPETENCY_UNKNOWN,
        `Unknown competencies: ${unknown.join(', ')}`,
        {
          fields: [
            { field: 'competencyCodes', rule: 'known', message: `not in the dictionary: ${unknown.join(', ')}` },
          ],
        },
      );
    }
    const theme = tidyText(dto.theme);
    const key = themeKey(theme);
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      if (codes.length === 0) {
        await m.delete(ComplaintTheme, { scopeKey, themeKey: key });
        return;
      }
      await m
        .createQueryBuilder()
        .insert()
        .into(ComplaintTheme)
        .values({
          id: newId(),
          scopeKey,
          theme,
          themeKey: key,
          competencyCodes: codes.join(','),
          updatedBy: user.id,
          updatedAt: now,
        })
        .orUpdate(['theme', 'competency_codes', 'updated_by', 'updated_at'], ['scope_key', 'theme_key'])
        .updateEntity(false)
        .execute();
    });
    if (codes.length === 0) return null;
    return { theme, competencyCodes: codes, scopeKey, own: true, updatedAt: now.toISOString() };
  }

  /**
   * The mappings that concern the caller's region: those set above it (which apply unless
   * overridden), at it, and below it (by admins of its sub-regions).
   */
  async visible(scope: AccessScope): Promise<ThemeMappingView[]> {
    const own = scopeKeyOf(scope);
    const rows = await this.tx.run((m) => m.find(ComplaintTheme, { order: { themeKey: 'ASC', scopeKey: 'ASC' } }));
    return rows
      .filter((r) => own === '' || r.scopeKey === '' || regionWithin(own, r.scopeKey) || regionWithin(r.scopeKey, own))
      .map((r) => ({
        theme: r.theme,
        competencyCodes: r.competencyCodes.split(','),
        scopeKey: r.scopeKey,
        own: r.scopeKey === own,
        updatedAt: new Date(r.updatedAt).toISOString(),
      }));
  }

  /** Every region's mapping of these themes, by theme key (the nearest one is picked per unit). */
  async mappingsOf(themeKeys: string[]): Promise<Map<string, ThemeMapping[]>> {
    const out = new Map<string, ThemeMapping[]>();
    if (themeKeys.length === 0) return out;
    const rows = await this.tx.run((m) => m.find(ComplaintTheme, { where: { themeKey: In([...new Set(themeKeys)]) } }));
    for (const r of rows)
      out.set(r.themeKey, [
        ...(out.get(r.themeKey) ?? []),
        { scopeKey: r.scopeKey, competencyCodes: r.competencyCodes.split(',') },
      ]);
    return out;
  }
}

/** A mapping belongs to the admin's region, or to the nation ('') for a national admin. */
export function scopeKeyOf(scope: AccessScope): string {
  return scope.kind === 'region' ? scope.regionCode : '';
}
