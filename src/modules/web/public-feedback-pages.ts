import { Type } from '@nestjs/common';

/** Page controllers of this development-plans area. */
export const PUBLIC_FEEDBACK_PAGES: Type[] = [];
