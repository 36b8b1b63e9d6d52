import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainException, validationFailed } from '../../../libs/common';
import { TransactionRunner } from '../../../libs/database';
import { convertToJp } from './domain/jp-conversion';
import { JpCalculationDto, UpdateDevelopmentFormDto } from './dto/development-form.dto';
import { DevelopmentForm } from './entities';
import { LearningError } from './learning.errors';

/** The forms of development and their JP conversion table, kept as data by the national admin. */
@Injectable()
export class DevelopmentFormsService {
  constructor(
    @InjectRepository(DevelopmentForm) private readonly forms: Repository<DevelopmentForm>,
    private readonly tx: TransactionRunner,
  ) {}

  list(): Promise<DevelopmentForm[]> {
    return this.forms.find({ order: { category: 'ASC', code: 'ASC' } });
  }

  async get(code: string): Promise<DevelopmentForm> {
    const form = await this.forms.findOneBy({ code });
    if (!form) throw new DomainException(LearningError.FORM_NOT_FOUND, `No form of development ${code}`);
    return form;
  }

  async update(code: string, dto: UpdateDevelopmentFormDto): Promise<DevelopmentForm> {
    await this.get(code);
    const perDay = dto.rule === 'per_day';
    await this.tx.run((m) =>
      m.update(
        DevelopmentForm,
        { code },
        {
          name: dto.name,
          rule: dto.rule,
          jpPerDay: perDay ? dto.jpPerDay! : null,
          jpPerDayInternational: perDay ? dto.jpPerDayInternational! : null,
          internationalBonusPercent: dto.internationalBonusPercent,
          ...(dto.active === undefined ? {} : { active: dto.active }),
        },
      ),
    );
    return this.get(code);
  }

  /** The JP an activity of this form earns (the same rule external activities will use). */
  async calculate(dto: JpCalculationDto): Promise<{ formCode: string; jp: number }> {
    const form = await this.get(dto.formCode);
    const result = convertToJp(form, dto);
    if (!result.ok) {
      throw validationFailed([
        { field: result.missing, rule: 'required', message: `${result.missing} is needed for ${form.name}` },
      ]);
    }
    return { formCode: form.code, jp: result.jp };
  }
}
