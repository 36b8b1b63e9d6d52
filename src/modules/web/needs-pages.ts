import { Type } from '@nestjs/common';
import { NeedsAdminPagesController } from './needs-admin-pages.controller';
import { NeedsPagesController } from './needs-pages.controller';
import { NeedsPersonPagesController } from './needs-person-pages.controller';
import { NeedsRecordsPagesController } from './needs-records-pages.controller';

/** Page controllers of this development-plans area. */
export const NEEDS_PAGES: Type[] = [
  NeedsPagesController,
  NeedsAdminPagesController,
  NeedsRecordsPagesController,
  NeedsPersonPagesController,
];
