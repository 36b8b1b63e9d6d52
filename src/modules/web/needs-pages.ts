import { Type } from '@nestjs/common';

/** Page controllers of this development-plans area. */
export const NEEDS_PAGES: Type[] = [];
