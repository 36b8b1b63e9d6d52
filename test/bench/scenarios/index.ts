import type { Scenario } from '../scenario';
import { catalogueAndCoursePage } from './catalogue-and-course-page';
import { certificateIssuance } from './certificate-issuance';
import { examBurst } from './exam-burst';
import { idOrderInserts } from './id-order-inserts';
import { lessonCompletionWrites } from './lesson-completion-writes';
import { nationalDashboard } from './national-dashboard';
import { needsAnalysis } from './needs-analysis';
import { signInAndHome } from './sign-in-and-home';

/** Every benchmark scenario, in the order `npm run bench` runs them. Add new ones here. */
export const SCENARIOS: Scenario[] = [
  signInAndHome,
  catalogueAndCoursePage,
  lessonCompletionWrites,
  examBurst,
  certificateIssuance,
  needsAnalysis,
  nationalDashboard,
  idOrderInserts,
];
