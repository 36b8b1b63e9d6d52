import { defineErrors } from '../../../../libs/common';

/** Errors of the reward and follow-up lists (the PLANS namespace is shared, so keys carry REWARD_). */
export const RewardError = defineErrors('PLANS', {
  REWARD_REGION_NOT_FOUND: 'not_found',
  REWARD_LIST_NOT_FOUND: 'not_found',
});
