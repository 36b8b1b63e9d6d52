import { Type } from '@nestjs/common';

/** Page controllers of this development-plans area. */
export const EVALUATION_PAGES: Type[] = [];
