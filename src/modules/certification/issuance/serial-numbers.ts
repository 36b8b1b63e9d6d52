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

  /**
   * Two first numbers of a year at once can deadlock on MySQL (both insert-ignore the row,
   * holding shared locks, then both want it exclusively); InnoDB aborts one, which simply
   * asks again: the transaction touches nothing else.
   */
  async next(issuerCode: string, year: number): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.take(issuerCode, year);
      } catch (err) {
        const deadlock = (err as { driverError?: { errno?: number } }).driverError?.errno === 1213;
        if (!deadlock || attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
      }
    }
  }

  private take(issuerCode: string, year: number): Promise<number> {
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
