import { Injectable } from '@nestjs/common';
import { AccessScope, AuthUser, regionSubtreeCondition } from '../../../../../libs/auth';
import { Clock, DomainException, newId, Page, skipOf, toPage, wibDay } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { CompetenciesApi } from '../../../competencies/competencies.api';
import { IdentityApi } from '../../../identity/identity.api';
import { AssessmentQuery, RecordAssessmentDto } from '../dto/assessment.dto';
import { AssessmentSource, CompetencyAssessment } from '../entities';
import { NeedsError } from '../needs.errors';
import { PeopleInScope } from './people-in-scope';
import { RecordsRegion } from './records-region';
import { validDay } from './valid-day';

export interface AssessmentView {
  id: string;
  userId: string;
  name: string;
  nip: string | null;
  competencyCode: string;
  competencyName: string;
  level: number;
  assessedOn: string;
  source: AssessmentSource;
  note: string | null;
  recordedAt: Date;
}

/** Assessment-centre and supervisor ratings a unit admin records for ASN in their region. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly people: PeopleInScope,
    private readonly identity: IdentityApi,
    private readonly competencies: CompetenciesApi,
    private readonly clock: Clock,
    private readonly regions: RecordsRegion,
  ) {}

  async record(user: AuthUser, scope: AccessScope, dto: RecordAssessmentDto): Promise<AssessmentView> {
    const person = await this.people.byNip(scope, dto.nip);
    if ((await this.competencies.unknownCodes([dto.competencyCode])).length > 0) {
      throw new DomainException(NeedsError.NEEDS_COMPETENCY_UNKNOWN, `Unknown competency ${dto.competencyCode}`, {
        fields: [{ field: 'competencyCode', rule: 'known', message: 'competencyCode is not in the dictionary' }],
      });
    }
    const now = this.clock.now();
    if (!validDay(dto.assessedOn) || dto.assessedOn > wibDay(now)) {
      throw new DomainException(
        NeedsError.NEEDS_DATE_INVALID,
        'The assessment date must be a real day, not later than today',
        {
          fields: [
            { field: 'assessedOn', rule: 'past_date', message: 'assessedOn must be a real date, not in the future' },
          ],
        },
      );
    }
    const row: CompetencyAssessment = {
      id: newId(),
      userId: person.id,
      competencyCode: dto.competencyCode,
      level: dto.level,
      assessedOn: dto.assessedOn,
      source: dto.source,
      note: dto.note?.trim() || null,
      regionCode: person.regionCode,
      recordedBy: user.id,
      createdAt: now,
    };
    await this.tx.run((m) =>
      m.createQueryBuilder().insert().into(CompetencyAssessment).values(row).updateEntity(false).execute(),
    );
    await this.regions.settle([{ userId: row.userId, regionCode: row.regionCode }]);
    return (await this.views([row]))[0];
  }

  /**
   * The records in the caller's scope, by the region on each record: that is the region its
   * person is in now (RecordsRegion moves the records of a person who moves).
   */
  async list(scope: AccessScope, query: AssessmentQuery): Promise<Page<AssessmentView>> {
    const userId = query.nip ? (await this.people.byNip(scope, query.nip)).id : null;
    const [rows, total] = await this.tx.run((m) => {
      const qb = m
        .createQueryBuilder(CompetencyAssessment, 'a')
        .orderBy('a.assessedOn', 'DESC')
        .addOrderBy('a.createdAt', 'DESC')
        .addOrderBy('a.id', 'DESC');
      if (scope.kind === 'region') {
        const c = regionSubtreeCondition('a.region_code', scope.regionCode);
        qb.andWhere(c.sql, c.params);
      } else if (scope.kind === 'own') qb.andWhere('a.user_id = :own', { own: scope.userId });
      if (userId) qb.andWhere('a.user_id = :userId', { userId });
      return qb.skip(skipOf(query)).take(query.pageSize).getManyAndCount();
    });
    return toPage(await this.views(rows), total, query);
  }

  /** Takes back a rating recorded in error (the person's level falls back to the rest). */
  async remove(scope: AccessScope, id: string): Promise<void> {
    const row = await this.tx.run((m) => m.findOneBy(CompetencyAssessment, { id }));
    if (!row) throw new DomainException(NeedsError.NEEDS_ASSESSMENT_NOT_FOUND, 'Assessment not found');
    await this.people.byId(scope, row.userId).catch(() => {
      throw new DomainException(NeedsError.NEEDS_ASSESSMENT_NOT_FOUND, 'Assessment not found');
    });
    await this.tx.run((m) => m.delete(CompetencyAssessment, { id }));
  }

  private async views(rows: CompetencyAssessment[]): Promise<AssessmentView[]> {
    const [names, competencies] = await Promise.all([
      this.identity.namesOf([...new Set(rows.map((r) => r.userId))]),
      this.competencies.summaries([...new Set(rows.map((r) => r.competencyCode))]),
    ]);
    const competencyName = new Map(competencies.map((c) => [c.code, c.name]));
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      name: names.get(r.userId)?.name ?? '',
      nip: names.get(r.userId)?.nip ?? null,
      competencyCode: r.competencyCode,
      competencyName: competencyName.get(r.competencyCode) ?? r.competencyCode,
      level: r.level,
      assessedOn: r.assessedOn,
      source: r.source,
      note: r.note,
      recordedAt: r.createdAt,
    }));
  }
}
