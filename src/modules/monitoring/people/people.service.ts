import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../../libs/auth';
import { Clock, FieldProblem, Page, toPage, validationFailed, wibYear } from '../../../../libs/common';
import { IdentityApi } from '../../identity/identity.api';
import { OrganisationApi } from '../../organisation/organisation.api';
import { NodeScope, VisibleNode } from '../dashboard/node-scope';
import { PeopleAsk, peopleAskOf, PeopleParams } from './domain/people-ask';
import { cursorProblem } from './domain/people-cursor';
import { PeopleSources, PersonFigure } from './people-sources';
import { PeopleTotals } from './people-totals';

/** A person behind a dashboard number, as the list and the export show them. */
export interface PersonRow {
  userId: string;
  name: string;
  /** Formatted with spaces (19700101 199503 1 001), null without a NIP. */
  nip: string | null;
  unitId: string | null;
  unitName: string | null;
  /** JP of the year (whole and tenths: 12.5) and the person's yearly target. */
  jp?: number;
  targetJp?: number;
  /** Enrolment status (active, completed) or plan status. */
  status?: string;
  deadline?: Date | null;
  completedAt?: Date | null;
  requiredLevel?: number | null;
  reachedLevel?: number | null;
}

export interface PeopleList {
  node: VisibleNode;
  ask: PeopleAsk;
  page: Page<PersonRow>;
  /** The next page's `after`: it starts after this page's last row; null on the last page. */
  next: string | null;
  /** The page before's `before`: it ends just before this page's first row; null on the first page. */
  previous: string | null;
}

/**
 * The most rows a page asked by its number may skip. Skipping costs a read per row (2.9 s
 * at 600,000 rows of a national list at 1 M ASN); the pages' own links move by cursor.
 */
export const MAX_SKIPPED = 10_000;

/** The deepest page that may be asked by its number, `pageSize` rows a page. */
export function deepestPageByNumber(pageSize: number): number {
  return Math.floor(MAX_SKIPPED / pageSize) + 1;
}

/**
 * The people behind every dashboard number: the node is checked against the caller's scope
 * (404 outside it), the parameters against the metric (400 naming the field). The rows are
 * the leaves the node's number sums; the count is that number itself, read from the node rows
 * (PeopleTotals), so it costs the same on a national list as on a unit's.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly scopes: NodeScope,
    private readonly sources: PeopleSources,
    private readonly totals: PeopleTotals,
    private readonly identity: IdentityApi,
    private readonly organisation: OrganisationApi,
    private readonly clock: Clock,
  ) {}

  /** The node and the checked ask of these parameters (throws 404 / 400). */
  async resolve(
    scope: AccessScope,
    params: PeopleParams & { node?: string },
  ): Promise<{ node: VisibleNode; ask: PeopleAsk }> {
    const node = await this.scopes.resolve(scope, params.node);
    const thisYear = wibYear(this.clock.now());
    const ask = peopleAskOf(params, thisYear);
    if (Array.isArray(ask)) throw validationFailed(ask);
    return { node, ask };
  }

  /**
   * A page of the list: after a cursor (the `next` of the page before) or before one (the
   * `previous` of the page after), so paging through a national list costs the same on its
   * thousandth page as on its first; otherwise by page number (a page picked out of order).
   */
  async list(
    scope: AccessScope,
    params: PeopleParams & { node?: string; page: number; pageSize: number; after?: string; before?: string },
  ): Promise<PeopleList> {
    const { node, ask } = await this.resolve(scope, params);
    const problems = [
      params.after !== undefined ? cursorProblem(ask, 'after', params.after) : null,
      params.before !== undefined ? cursorProblem(ask, 'before', params.before) : null,
      params.after !== undefined && params.before !== undefined
        ? { field: 'before', rule: 'exclusive', message: 'before and after cannot be given together' }
        : null,
      params.after === undefined && params.before === undefined && params.page > deepestPageByNumber(params.pageSize)
        ? {
            field: 'page',
            rule: 'max',
            message: `a page more than ${MAX_SKIPPED} people deep is reached with after or before (the list's next and previous cursors), not by its number`,
          }
        : null,
    ].filter((p): p is FieldProblem => p !== null);
    if (problems.length > 0) throw validationFailed(problems);
    const window =
      params.after !== undefined
        ? { offset: 0, after: params.after }
        : params.before !== undefined
          ? { offset: 0, before: params.before }
          : { offset: (params.page - 1) * params.pageSize };
    const [{ items, next, previous }, total] = await Promise.all([
      this.sources.read(node, ask, { ...window, limit: params.pageSize }),
      this.totals.of(node, ask),
    ]);
    return { node, ask, page: toPage(await this.named(items), total, params), next, previous };
  }

  /** How many people a list has (an export's total). */
  async count(node: VisibleNode, ask: PeopleAsk): Promise<number> {
    return this.totals.of(node, ask);
  }

  /**
   * The whole list in the list's order, `size` named rows at a time: each batch starts after
   * the last row of the one before (not at an offset), so a national export does not slow
   * down as it goes.
   */
  async *walk(node: VisibleNode, ask: PeopleAsk, size: number): AsyncGenerator<PersonRow[]> {
    let after: string | null = null;
    do {
      const read: Awaited<ReturnType<PeopleSources['read']>> = await this.sources.read(node, ask, {
        offset: 0,
        limit: size,
        after,
      });
      if (read.items.length > 0) yield await this.named(read.items);
      after = read.next;
    } while (after !== null);
  }

  private async named(items: PersonFigure[]): Promise<PersonRow[]> {
    const userIds = [...new Set(items.map((i) => i.userId))];
    const unitIds = [...new Set(items.map((i) => i.unitId).filter((u): u is string => !!u))];
    const [names, units] = await Promise.all([
      this.identity.namesOf(userIds),
      unitIds.length ? this.organisation.unitsByIds(unitIds) : Promise.resolve([]),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return items.map((i) => {
      const person = names.get(i.userId);
      const row: PersonRow = {
        userId: i.userId,
        name: person?.name ?? '—',
        nip: person?.nip ?? null,
        unitId: i.unitId,
        unitName: i.unitId ? (unitNames.get(i.unitId) ?? null) : null,
      };
      if (i.jpTenths !== undefined) Object.assign(row, { jp: i.jpTenths / 10, targetJp: i.targetJp ?? 0 });
      if (i.status !== undefined) row.status = i.status;
      if (i.deadline !== undefined) Object.assign(row, { deadline: i.deadline, completedAt: i.completedAt ?? null });
      if (i.requiredLevel !== undefined)
        Object.assign(row, { requiredLevel: i.requiredLevel, reachedLevel: i.reachedLevel });
      return row;
    });
  }
}
