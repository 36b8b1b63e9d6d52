import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock, DomainException, Page, skipOf, toPage } from '../../../libs/common';
import { likeAny, TransactionRunner } from '../../../libs/database';
import { CompetenciesError } from './competencies.errors';
import {
  CompetencyLevelDto,
  CompetencyQuery,
  CreateTechnicalCompetencyDto,
  UpdateCompetencyDto,
} from './dto/competency.dto';
import { Competency, CompetencyLevel, Pillar } from './entities';

export type CompetencyView = Competency & {
  levels: Array<{ level: number; description: string; indicators: string[] }>;
};

/** The competency dictionary, kept by the national admin. */
export interface CompetencySummary {
  code: string;
  name: string;
  pillar: Pillar;
  /** False once retired: kept for what already refers to it, no longer offered for new choices. */
  active: boolean;
}

const summaryOf = ({ code, name, pillar, active }: Competency): CompetencySummary => ({ code, name, pillar, active });

@Injectable()
export class CompetenciesService {
  constructor(
    @InjectRepository(Competency) private readonly competencies: Repository<Competency>,
    @InjectRepository(CompetencyLevel) private readonly levels: Repository<CompetencyLevel>,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(query: CompetencyQuery): Promise<Page<Competency>> {
    const qb = this.competencies
      .createQueryBuilder('c')
      .orderBy('c.code', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (query.pillar) qb.andWhere('c.pillar = :pillar', { pillar: query.pillar });
    if (query.q) {
      const text = likeAny(['c.name', 'c.code'], 'q', query.q);
      qb.andWhere(text.sql, text.params);
    }
    const [items, total] = await qb.getManyAndCount();
    return toPage(items, total, query);
  }

  async get(code: string): Promise<CompetencyView> {
    const competency = await this.competencies.findOneBy({ code });
    if (!competency) throw new DomainException(CompetenciesError.COMPETENCY_NOT_FOUND, `Competency ${code} not found`);
    const levels = await this.levels.find({ where: { competencyCode: code }, order: { level: 'ASC' } });
    return {
      ...competency,
      levels: levels.map((l) => ({ level: l.level, description: l.description, indicators: l.indicators.split('\n') })),
    };
  }

  async createTechnical(dto: CreateTechnicalCompetencyDto): Promise<CompetencyView> {
    await this.tx.run(async (m) => {
      if (await m.existsBy(Competency, { code: dto.code })) {
        throw new DomainException(CompetenciesError.CODE_TAKEN, `Competency code ${dto.code} is already used`, {
          fields: [{ field: 'code', rule: 'unique', message: 'code is already used' }],
        });
      }
      const now = this.clock.now();
      await m.insert(Competency, {
        code: dto.code,
        pillar: 'teknis',
        name: dto.name,
        definition: dto.definition,
        ownerUnitId: dto.ownerUnitId ?? null,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
      await m.insert(CompetencyLevel, levelRows(dto.code, dto.levels));
    });
    return this.get(dto.code);
  }

  /** Replaces name, definition and the five levels together (one transaction). */
  async update(code: string, dto: UpdateCompetencyDto): Promise<CompetencyView> {
    await this.get(code);
    await this.tx.run(async (m) => {
      await m.update(
        Competency,
        { code },
        {
          name: dto.name,
          definition: dto.definition,
          updatedAt: this.clock.now(),
          ...(dto.active === undefined ? {} : { active: dto.active }),
        },
      );
      await m.delete(CompetencyLevel, { competencyCode: code });
      await m.insert(CompetencyLevel, levelRows(code, dto.levels));
    });
    return this.get(code);
  }

  /** Which of these codes the dictionary does not know. */
  async summaries(codes: string[]): Promise<CompetencySummary[]> {
    if (codes.length === 0) return [];
    const rows = await this.competencies.find({ where: { code: In(codes) }, order: { code: 'ASC' } });
    return rows.map(summaryOf);
  }

  /** Every competency, retired ones too, for names (the dictionary holds tens to a few hundred entries). */
  async allSummaries(): Promise<CompetencySummary[]> {
    const rows = await this.competencies.find({ order: { pillar: 'ASC', code: 'ASC' }, take: 1000 });
    return rows.map(summaryOf);
  }

  /**
   * What a picker offers: the active competencies, and those of `chosen` even if retired, so
   * that a form showing an earlier choice keeps it instead of dropping it on save.
   */
  async offeredSummaries(chosen: string[]): Promise<CompetencySummary[]> {
    const keep = new Set(chosen);
    return (await this.allSummaries()).filter((c) => c.active || keep.has(c.code));
  }

  async unknownCodes(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const known = new Set((await this.competencies.findBy({ code: In(codes) })).map((c) => c.code));
    return codes.filter((c) => !known.has(c));
  }
}

function levelRows(code: string, levels: CompetencyLevelDto[]): CompetencyLevel[] {
  return levels.map((l) => ({
    competencyCode: code,
    level: l.level,
    description: l.description.trim(),
    indicators: l.indicators.map((i) => i.trim().replace(/\n/g, ' ')).join('\n'),
  }));
}
