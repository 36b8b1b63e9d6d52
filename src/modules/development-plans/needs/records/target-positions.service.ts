import { Injectable } from '@nestjs/common';
import { AccessScope, AuthUser } from '../../../../../libs/auth';
import { Clock, DomainException } from '../../../../../libs/common';
import { TransactionRunner } from '../../../../../libs/database';
import { OrganisationApi } from '../../../organisation/organisation.api';
import { TargetPosition } from '../entities';
import { NeedsError } from '../needs.errors';
import { PeopleInScope } from './people-in-scope';

export interface TargetPositionView {
  userId: string;
  positionId: string;
  positionName: string;
  /** True when the ASN chose it themselves (false: set by a unit admin). */
  ownChoice: boolean;
  updatedAt: Date;
}

/**
 * The next position an ASN aims for: their own aspiration, or set by a unit admin (career
 * planning). Its standard adds target gaps to the needs analysis.
 */
@Injectable()
export class TargetPositionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly people: PeopleInScope,
    private readonly organisation: OrganisationApi,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<TargetPositionView | null> {
    const row = await this.tx.run((m) => m.findOneBy(TargetPosition, { userId }));
    if (!row) return null;
    const [position] = await this.organisation.positionsByIds([row.positionId]);
    return {
      userId,
      positionId: row.positionId,
      positionName: position?.name ?? '',
      ownChoice: row.setBy === userId,
      updatedAt: row.updatedAt,
    };
  }

  /** Sets the target of a person in the caller's scope (an ASN's scope is themselves). */
  async set(user: AuthUser, scope: AccessScope, userId: string, positionId: string): Promise<TargetPositionView> {
    await this.people.byId(scope, userId);
    const [position] = await this.organisation.positionsByIds([positionId]);
    if (!position) {
      throw new DomainException(NeedsError.NEEDS_POSITION_NOT_FOUND, 'No such position', {
        fields: [{ field: 'positionId', rule: 'exists', message: 'positionId is not a known position' }],
      });
    }
    const row: TargetPosition = { userId, positionId, setBy: user.id, updatedAt: this.clock.now() };
    await this.tx.run((m) => m.upsert(TargetPosition, row, ['userId']));
    return (await this.get(userId))!;
  }

  async clear(scope: AccessScope, userId: string): Promise<void> {
    await this.people.byId(scope, userId);
    await this.tx.run((m) => m.delete(TargetPosition, { userId }));
  }
}
