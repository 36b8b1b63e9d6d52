import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../libs/database';
import { CertificateSerial } from '../entities';

/**
 * Hands out serial numbers per issuer and year in a short transaction of its own, so the
 * row lock is held for milliseconds, not while a PDF renders. A number reserved for an
 * issuance that then turns out to be a duplicate is left unused (a gap, never a repeat).
 */
@Injectable()
export class SerialNumbers {
  constructor(private readonly tx: TransactionRunner) {}

  next(issuerCode: string, year: number): Promise<number> {
    const serialKey = `${issuerCode}:${year}`.slice(0, 60);
    return this.tx.run(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(CertificateSerial)
        .values({ serialKey, lastNumber: 0 })
        .orIgnore()
        .updateEntity(false)
        .execute();
      await m
        .createQueryBuilder()
        .update(CertificateSerial)
        .set({ lastNumber: () => 'last_number + 1' })
        .where('serial_key = :serialKey', { serialKey })
        .execute();
      const row = await m.findOneByOrFail(CertificateSerial, { serialKey });
      return row.lastNumber;
    });
  }
}
