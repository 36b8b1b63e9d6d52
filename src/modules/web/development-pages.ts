import { Type } from '@nestjs/common';
import { EVALUATION_PAGES } from './evaluation-pages';
import { MENTORING_PAGES } from './mentoring-pages';
import { NEEDS_PAGES } from './needs-pages';
import { NEEDS_SIGNALS_PAGES } from './needs-signals-pages';
import { PLAN_PAGES } from './plan-pages';
import { PUBLIC_FEEDBACK_PAGES } from './public-feedback-pages';

/** The pages of the development-plans module, one list per area. */
export const DEVELOPMENT_PAGES: Type[] = [
  ...NEEDS_PAGES,
  ...NEEDS_SIGNALS_PAGES,
  ...PLAN_PAGES,
  ...MENTORING_PAGES,
  ...EVALUATION_PAGES,
  ...PUBLIC_FEEDBACK_PAGES,
];
