import { Foundation1763800000000 } from './1763800000000-Foundation';
import { CompetencyDictionary1763900000000 } from './1763900000000-CompetencyDictionary';
import { LearningSettings1764000000000 } from './1764000000000-LearningSettings';
import { DevelopmentForms1764100000000 } from './1764100000000-DevelopmentForms';
import { Catalog1764200000000 } from './1764200000000-Catalog';
import { LearningProgress1764300000000 } from './1764300000000-LearningProgress';
import { Assessment1764400000000 } from './1764400000000-Assessment';
import { Certification1764500000000 } from './1764500000000-Certification';
import { Notifications1764600000000 } from './1764600000000-Notifications';

/** Listed explicitly (not globbed) so the same list serves tests, the app and the CLI. */
export const MIGRATIONS = [
  Foundation1763800000000,
  CompetencyDictionary1763900000000,
  LearningSettings1764000000000,
  DevelopmentForms1764100000000,
  Catalog1764200000000,
  LearningProgress1764300000000,
  Assessment1764400000000,
  Certification1764500000000,
  Notifications1764600000000,
];
