import type { PlanStatus } from '../plans/entities/development-plan.entity';
import type { FollowUpReason } from './domain/reward-rules';

/** One person on a reward or follow-up list, as the pages and the exports show them. */
export interface RewardRow {
  userId: string;
  name: string;
  /** Formatted with spaces. */
  nip: string | null;
  unitId: string | null;
  unitName: string | null;
  earnedJp: number;
  targetJp: number | null;
  goalsReached: number;
  goalsTotal: number;
  /** null: no plan for the year. */
  planStatus: PlanStatus | null;
  /** Why the person needs follow-up (empty on the recognition list). */
  reasons: FollowUpReason[];
}
