import { Injectable } from '@nestjs/common';
import { Clock, DomainException, newId } from '../../../../../libs/common';
import { isDuplicateKey, TransactionRunner } from '../../../../../libs/database';
import { RateLimiterService, rateKey } from '../../../../../libs/rate-limit';
import { OrganisationApi, UnitView } from '../../../organisation/organisation.api';
import { ELEMENT_CODES } from '../domain/ikm';
import { periodOf } from '../domain/survey-period';
import { SurveyResponseDto } from '../dto/survey-response.dto';
import { IkmResponse } from '../entities';
import { IkmSettingsService } from '../ikm-settings.service';
import { PublicFeedbackError } from '../public-feedback.errors';
import { SurveyKeys } from './survey-keys';

/**
 * Per address: a busy service counter behind one shared Wi-Fi (or a carrier NAT) still gets
 * a response a minute; a script posting in a loop is stopped after 30.
 */
export const SURVEY_IP_RULE = { limit: 30, windowMs: 15 * 60_000 };

export interface SurveyForm {
  unit: Pick<UnitView, 'code' | 'name'>;
  /** The period a response sent now belongs to ("2026-S1"). */
  period: string;
  /** This device already answered this unit in this period (the form would be refused). */
  alreadyAnswered: boolean;
  /** Send back with the answers; it carries the time the form was handed out. */
  formToken: string;
  minFillSeconds: number;
}

export interface SurveyReceipt {
  unitCode: string;
  period: string;
  submittedAt: Date;
}

/** The public side of the survey: hand out a form, take one response per device and period. */
@Injectable()
export class PublicSurveyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly organisation: OrganisationApi,
    private readonly settings: IkmSettingsService,
    private readonly keys: SurveyKeys,
    private readonly limiter: RateLimiterService,
    private readonly clock: Clock,
  ) {}

  /** Counts a submission against the caller's address; 429 with Retry-After once over the limit. */
  async throttle(ip: string): Promise<void> {
    const key = rateKey('ikm-ip', ip);
    await this.limiter.assertNotBlocked([key], 'Too many survey submissions from this address; try again later');
    await this.limiter.consume(key, SURVEY_IP_RULE, 'Too many survey submissions from this address; try again later');
  }

  async open(unitCode: string, deviceId: string): Promise<SurveyForm> {
    const unit = await this.unit(unitCode);
    const { periodKind, minFillSeconds } = await this.settings.get();
    const now = this.clock.now();
    const period = periodOf(now, periodKind).key;
    const answered = await this.tx.run((m) =>
      m.exists(IkmResponse, { where: { unitId: unit.id, period, deviceHash: this.keys.deviceHash(deviceId) } }),
    );
    return {
      unit: { code: unit.code, name: unit.name },
      period,
      alreadyAnswered: answered,
      formToken: this.keys.formToken(unit.id, now),
      minFillSeconds,
    };
  }

  /** Stores the response, or refuses it (nothing stored) with the reason. */
  async submit(unitCode: string, deviceId: string, dto: SurveyResponseDto): Promise<SurveyReceipt> {
    const unit = await this.unit(unitCode);
    if (dto.website && dto.website.trim() !== '') {
      throw new DomainException(PublicFeedbackError.SURVEY_REJECTED, 'The response could not be accepted');
    }
    const { periodKind, minFillSeconds } = await this.settings.get();
    const now = this.clock.now();
    const check = this.keys.checkFormToken(dto.formToken, unit.id, now, minFillSeconds);
    if (check === 'too_fast') {
      throw new DomainException(PublicFeedbackError.SURVEY_TOO_FAST, 'The form was sent too quickly', {
        fields: [{ field: 'formToken', rule: 'min_fill_time', message: `Take at least ${minFillSeconds} seconds` }],
        minFillSeconds,
      });
    }
    if (check !== 'ok') {
      throw new DomainException(PublicFeedbackError.SURVEY_FORM_EXPIRED, 'The form has expired; load it again', {
        fields: [{ field: 'formToken', rule: check, message: 'Load the form again' }],
      });
    }
    const period = periodOf(now, periodKind).key;
    const answers = Object.fromEntries(ELEMENT_CODES.map((code) => [code, dto[code]]));
    try {
      await this.tx.run((m) =>
        m
          .createQueryBuilder()
          .insert()
          .into(IkmResponse)
          .values({
            id: newId(),
            unitId: unit.id,
            regionCode: unit.regionCode,
            period,
            deviceHash: this.keys.deviceHash(deviceId),
            ...answers,
            ageBand: dto.ageBand ?? null,
            sex: dto.sex ?? null,
            education: dto.education ?? null,
            occupation: dto.occupation ?? null,
            suggestion: dto.suggestion?.trim() || null,
            submittedAt: now,
          })
          .updateEntity(false)
          .execute(),
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      throw new DomainException(
        PublicFeedbackError.SURVEY_ALREADY_ANSWERED,
        `This device has already answered the survey of this unit for ${period}`,
        { period },
      );
    }
    return { unitCode: unit.code, period, submittedAt: now };
  }

  private async unit(code: string): Promise<UnitView> {
    const [unit] = code.length <= 40 ? await this.organisation.unitsByCodes([code]) : [];
    if (!unit) throw new DomainException(PublicFeedbackError.SURVEY_UNIT_NOT_FOUND, 'Unit not found');
    return unit;
  }
}
