import { DevelopmentForm } from './development-form.entity';
import { JpTarget } from './jp-target.entity';
import { LearningSetting } from './learning-setting.entity';

export { DevelopmentForm, JpTarget, LearningSetting };
export const LEARNING_ENTITIES = [JpTarget, LearningSetting, DevelopmentForm];
