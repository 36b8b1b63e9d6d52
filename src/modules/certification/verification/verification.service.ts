import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { RateLimiterService, rateKey } from '../../../../libs/rate-limit';
import { verifyCredential } from '../credential';
import { Certificate } from '../entities';
import { isVerificationCode, wibDay } from '../issuance/certificate-numbers';
import { PlatformSigningKey } from '../signing';
import { publicVerification, PublicVerification } from './public-verification';

/** Generous for a person or an HR office checking a pile of certificates; far too slow to enumerate 2^144 codes. */
const VERIFY_RULE = { limit: 120, windowMs: 60_000 };

export interface CredentialCheck {
  /** The signature holds and the key is the platform's. */
  signatureValid: boolean;
  reason: string | null;
  /** The certificate's status now (a valid signature on a revoked certificate is still revoked). */
  verification: PublicVerification | null;
}

@Injectable()
export class VerificationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly limiter: RateLimiterService,
    private readonly signingKey: PlatformSigningKey,
  ) {}

  /** Counts a lookup against the caller's address; 429 once the window's limit is reached. */
  async throttle(ip: string): Promise<void> {
    const key = rateKey('verify-ip', ip);
    await this.limiter.assertNotBlocked([key], 'Too many verification requests; try again shortly');
    await this.limiter.consume(key, VERIFY_RULE, 'Too many verification requests; try again shortly');
  }

  /** A string that cannot be a code is answered as unknown without a query (and not echoed back). */
  async verify(code: string): Promise<PublicVerification> {
    if (!isVerificationCode(code)) return publicVerification('', null, wibDay);
    return publicVerification(code, await this.tx.run((m) => m.findOneBy(Certificate, { code })), wibDay);
  }

  /** Checks a downloaded credential: its signature, then the certificate's current status. */
  async checkCredential(json: unknown): Promise<CredentialCheck> {
    const result = verifyCredential(json, this.signingKey.trusted);
    const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined;
    const code = typeof id === 'string' ? (id.split('/verifikasi/')[1] ?? '') : '';
    const verification = result.valid && code ? await this.verify(code) : null;
    return { signatureValid: result.valid, reason: result.valid ? null : result.reason, verification };
  }
}
