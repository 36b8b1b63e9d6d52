import { Type } from '@nestjs/common';

/** Page controllers of this development-plans area. */
export const MENTORING_PAGES: Type[] = [];
