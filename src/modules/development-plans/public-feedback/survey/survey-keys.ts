import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig, APP_CONFIG } from '../../../../../libs/config';
import { checkFormToken, deviceHash, FormTokenCheck, signFormToken } from '../domain/form-token';

/**
 * The survey's two keys, derived from the platform secret (JWT_SECRET) so there is nothing
 * more to configure, and separate from it (one HMAC label each), so a leaked survey key
 * signs no session.
 */
@Injectable()
export class SurveyKeys {
  private readonly deviceKey: Buffer;
  private readonly formKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const derive = (label: string) => createHmac('sha256', config.auth.jwtSecret).update(label).digest();
    this.deviceKey = derive('ikm-device-hash');
    this.formKey = derive('ikm-form-token');
  }

  deviceHash(deviceId: string): string {
    return deviceHash(this.deviceKey, deviceId);
  }

  formToken(unitId: string, issuedAt: Date): string {
    return signFormToken(this.formKey, unitId, issuedAt);
  }

  checkFormToken(token: string, unitId: string, now: Date, minFillSeconds: number): FormTokenCheck {
    return checkFormToken(this.formKey, token, unitId, now, {
      minFillMs: minFillSeconds * 1000,
      maxAgeMs: FORM_MAX_AGE_MS,
    });
  }
}

/** A form left open for a working day can still be sent; older ones are loaded afresh. */
export const FORM_MAX_AGE_MS = 12 * 3600_000;
