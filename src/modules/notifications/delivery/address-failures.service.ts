import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessScope, regionSubtreeCondition, regionWithin } from '../../../../libs/auth';
import { Clock, DomainException, newId, Page, skipOf, toPage } from '../../../../libs/common';
import { followRegions, TransactionRunner } from '../../../../libs/database';
import { IdentityApi, PersonContact } from '../../identity/identity.api';
import { AddressFailure } from '../entities';
import { NotificationsError } from '../notifications.errors';

export interface AddressFailureView {
  id: string;
  userId: string;
  name: string;
  email: string;
  regionCode: string | null;
  smtpCode: number;
  reason: string;
  failedAt: Date;
}

/**
 * Addresses the mail server refused for good. Marked by the send jobs; listed for the
 * admins of the person's region (a unit admin sees their subtree only) and cleared by them.
 */
@Injectable()
export class AddressFailuresService {
  constructor(
    @InjectRepository(AddressFailure) private readonly failures: Repository<AddressFailure>,
    private readonly identity: IdentityApi,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async isFailed(email: string): Promise<boolean> {
    return (await this.failures.countBy({ email: email.toLowerCase() })) > 0;
  }

  async mark(contact: PersonContact, smtpCode: number, reason: string): Promise<void> {
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(AddressFailure)
        .values({
          id: newId(),
          userId: contact.id,
          email: (contact.email ?? '').toLowerCase(),
          regionCode: contact.regionCode,
          smtpCode,
          reason: reason.slice(0, 300),
          failedAt: this.clock.now(),
        })
        .orIgnore()
        .updateEntity(false)
        .execute(),
    );
  }

  async list(scope: AccessScope, query: { page: number; pageSize: number }): Promise<Page<AddressFailureView>> {
    const qb = this.failures
      .createQueryBuilder('f')
      .orderBy('f.failed_at', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize);
    if (scope.kind === 'region') {
      const c = regionSubtreeCondition('f.region_code', scope.regionCode);
      qb.andWhere(c.sql, c.params);
    } else if (scope.kind === 'own') {
      qb.andWhere('f.user_id = :me', { me: scope.userId });
    }
    const [rows, total] = await qb.getManyAndCount();
    const names = await this.identity.namesOf(rows.map((r) => r.userId));
    return toPage(
      rows.map((r) => ({
        id: r.id,
        userId: r.userId,
        name: names.get(r.userId)?.name ?? '-',
        email: r.email,
        regionCode: r.regionCode,
        smtpCode: r.smtpCode,
        reason: r.reason,
        failedAt: r.failedAt,
      })),
      total,
      query,
    );
  }

  /**
   * Lists the refused addresses of these people under the region they are in now (the job of
   * a move, read after the move committed): the admins of their new region see and clear them.
   */
  follow(userIds: string[]): Promise<void> {
    return followRegions(this.tx, (ids) => this.identity.regionsOf(ids), [AddressFailure], userIds);
  }

  /** Lets mail go to the address again; outside the caller's scope it does not exist (404). */
  async clear(scope: AccessScope, id: string): Promise<void> {
    const row = await this.failures.findOneBy({ id });
    const visible =
      row &&
      (scope.kind === 'national' ||
        (scope.kind === 'region' && regionWithin(row.regionCode, scope.regionCode)) ||
        (scope.kind === 'own' && row.userId === scope.userId));
    if (!visible) throw new DomainException(NotificationsError.ADDRESS_FAILURE_NOT_FOUND, 'Failed address not found');
    await this.tx.run((m) => m.delete(AddressFailure, { id }));
  }
}
