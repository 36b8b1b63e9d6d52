import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AccessScope, AuthUser, regionSubtreeCondition } from '../../../../../libs/auth';
import {
  Clock,
  DomainException,
  FieldProblem,
  newId,
  Page,
  skipOf,
  toPage,
  validationFailed,
  wibYear,
} from '../../../../../libs/common';
import { detectFormat, readTable } from '../../../../../libs/content';
import { TransactionRunner } from '../../../../../libs/database';
import { IdentityApi, PersonFacts } from '../../../identity/identity.api';
import { readSkpTable } from '../domain/skp-table';
import { SkpRatingRecord } from '../entities';
import { NeedsError } from '../needs.errors';
import type { SkpRating } from '../person-gaps';
import { personVisible } from './people-in-scope';
import { RecordsRegion } from './records-region';

export interface SkpImportResult {
  imported: number;
  /** Ratings that replaced an earlier import of the same person and year. */
  replaced: number;
  years: number[];
}

export interface SkpRatingView {
  userId: string;
  name: string;
  nip: string | null;
  year: number;
  rating: SkpRating;
  importedAt: Date;
}

/** Problems listed back at most (the count says how many there were in all). */
const MAX_LISTED = 100;
const CHUNK = 500;

/** SKP ratings imported from a spreadsheet: all rows or none; a re-import of a year replaces it. */
@Injectable()
export class SkpRatingsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityApi,
    private readonly clock: Clock,
    private readonly regions: RecordsRegion,
  ) {}

  async import(user: AuthUser, scope: AccessScope, content: Buffer): Promise<SkpImportResult> {
    const format = detectFormat(content);
    if (!format)
      throw validationFailed([{ field: 'file', rule: 'format', message: 'file must be CSV (UTF-8) or XLSX' }]);
    const now = this.clock.now();
    const { rows, problems } = readSkpTable(await readTable(content, format), wibYear(now));
    const people = new Map<string, PersonFacts>();
    const nips = [...new Set(rows.map((r) => r.nip))];
    for (let i = 0; i < nips.length; i += CHUNK) {
      for (const p of await this.identity.peopleByNips(nips.slice(i, i + CHUNK))) people.set(p.nip, p);
    }
    for (const r of rows) {
      const person = people.get(r.nip);
      if (!person || !personVisible(scope, person)) {
        problems.push({
          field: `line ${r.line}: nip`,
          rule: 'unknown_nip',
          message: `line ${r.line}: no active ASN with NIP ${r.nip} in your region`,
        });
      }
    }
    if (problems.length) throw importInvalid(problems);
    const records = rows.map((r): SkpRatingRecord => ({
      id: newId(),
      userId: people.get(r.nip)!.id,
      year: r.year,
      rating: r.rating,
      regionCode: people.get(r.nip)!.regionCode,
      importedBy: user.id,
      importedAt: now,
    }));
    const replaced = await this.tx.run(async (m) => {
      let before = 0;
      for (let i = 0; i < records.length; i += CHUNK) {
        const chunk = records.slice(i, i + CHUNK);
        for (const year of new Set(chunk.map((r) => r.year))) {
          const userIds = chunk.filter((r) => r.year === year).map((r) => r.userId);
          before += (await m.delete(SkpRatingRecord, { year, userId: In(userIds) })).affected ?? 0;
        }
        await m.createQueryBuilder().insert().into(SkpRatingRecord).values(chunk).updateEntity(false).execute();
      }
      return before;
    });
    await this.regions.settle(records);
    return { imported: records.length, replaced, years: [...new Set(rows.map((r) => r.year))].sort() };
  }

  /**
   * The ratings in the caller's scope, by the region on each rating: that is the region its
   * person is in now (RecordsRegion moves the ratings of a person who moves).
   */
  async list(
    scope: AccessScope,
    query: { year?: number; page: number; pageSize: number },
  ): Promise<Page<SkpRatingView>> {
    const [rows, total] = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(SkpRatingRecord, 's')
        .orderBy('s.year', 'DESC')
        .addOrderBy('s.importedAt', 'DESC')
        .addOrderBy('s.id', 'ASC');
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('s.region_code', scope.regionCode);
        qb.andWhere(c.sql, c.params);
      } else if (scope.kind === 'own') qb.andWhere('s.user_id = :own', { own: scope.userId });
      if (query.year) qb.andWhere('s.year = :year', { year: query.year });
      return qb.skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    });
    const names = await this.identity.namesOf(rows.map((r) => r.userId));
    const items = rows.map((r) => ({
      userId: r.userId,
      name: names.get(r.userId)?.name ?? '',
      nip: names.get(r.userId)?.nip ?? null,
      year: r.year,
      rating: r.rating,
      importedAt: r.importedAt,
    }));
    return toPage(items, total, query);
  }
}

function importInvalid(problems: FieldProblem[]): DomainException {
  const listed = problems.slice(0, MAX_LISTED);
  return new DomainException(
    NeedsError.NEEDS_SKP_IMPORT_INVALID,
    `${problems.length} problem(s) in the file; nothing was imported`,
    { fields: listed, problemCount: problems.length },
  );
}
