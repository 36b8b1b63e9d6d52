import { JpTarget } from './jp-target.entity';
import { LearningSetting } from './learning-setting.entity';

export { JpTarget, LearningSetting };
export const LEARNING_ENTITIES = [JpTarget, LearningSetting];
