import { AreaParts } from '../area-parts';
import { RewardListsController } from './reward-lists.controller';
import { RewardListsService } from './reward-lists.service';

/** The reward and follow-up lists (evaluation): read-only over plans and the JP ledger, no tables of their own. */
export const REWARDS_PARTS: AreaParts = {
  entities: [],
  controllers: [RewardListsController],
  providers: [RewardListsService],
  exports: [RewardListsService],
};
