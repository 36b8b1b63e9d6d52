import { Foundation1763800000000 } from './1763800000000-Foundation';
import { CompetencyDictionary1763900000000 } from './1763900000000-CompetencyDictionary';
import { LearningSettings1764000000000 } from './1764000000000-LearningSettings';
import { DevelopmentForms1764100000000 } from './1764100000000-DevelopmentForms';
import { Catalog1764200000000 } from './1764200000000-Catalog';
import { LearningProgress1764300000000 } from './1764300000000-LearningProgress';
import { Assessment1764400000000 } from './1764400000000-Assessment';
import { Certification1764500000000 } from './1764500000000-Certification';
import { Notifications1764600000000 } from './1764600000000-Notifications';
import { NeedsAnalysis1764700000000 } from './1764700000000-NeedsAnalysis';
import { NeedsSignals1764710000000 } from './1764710000000-NeedsSignals';
import { DevelopmentPlans1764720000000 } from './1764720000000-DevelopmentPlans';
import { Mentoring1764730000000 } from './1764730000000-Mentoring';
import { Evaluation1764740000000 } from './1764740000000-Evaluation';
import { PublicFeedback1764750000000 } from './1764750000000-PublicFeedback';
import { Monitoring1764760000000 } from './1764760000000-Monitoring';
import { MonitoringSources1764770000000 } from './1764770000000-MonitoringSources';
import { PeopleListOrder1764780000000 } from './1764780000000-PeopleListOrder';
import { EvaluationTotalsCovered1764790000000 } from './1764790000000-EvaluationTotalsCovered';
import { SessionsValidFrom1764800000000 } from './1764800000000-SessionsValidFrom';
import { CertificateExportScope1764810000000 } from './1764810000000-CertificateExportScope';
import { SerialCounterPerPrintedIssuer1764820000000 } from './1764820000000-SerialCounterPerPrintedIssuer';
import { ExternalActivityDedupe1764830000000 } from './1764830000000-ExternalActivityDedupe';
import { RegionsOfTheirPeople1764840000000 } from './1764840000000-RegionsOfTheirPeople';
import { LongTextColumns1764860000000 } from './1764860000000-LongTextColumns';
import { ShortAnswerLiteralStars1764870000000 } from './1764870000000-ShortAnswerLiteralStars';
import { AttemptGradingKey1764880000000 } from './1764880000000-AttemptGradingKey';
import { GradeChangeRegradeRun1764890000000 } from './1764890000000-GradeChangeRegradeRun';
import { AttemptAnswerShapes1764900000000 } from './1764900000000-AttemptAnswerShapes';
import { CompactAnswerShapes1764910000000 } from './1764910000000-CompactAnswerShapes';
import { SignedOutTokens1764920000000 } from './1764920000000-SignedOutTokens';

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
  NeedsAnalysis1764700000000,
  NeedsSignals1764710000000,
  DevelopmentPlans1764720000000,
  Mentoring1764730000000,
  Evaluation1764740000000,
  PublicFeedback1764750000000,
  Monitoring1764760000000,
  MonitoringSources1764770000000,
  PeopleListOrder1764780000000,
  EvaluationTotalsCovered1764790000000,
  SessionsValidFrom1764800000000,
  CertificateExportScope1764810000000,
  SerialCounterPerPrintedIssuer1764820000000,
  ExternalActivityDedupe1764830000000,
  RegionsOfTheirPeople1764840000000,
  LongTextColumns1764860000000,
  ShortAnswerLiteralStars1764870000000,
  AttemptGradingKey1764880000000,
  GradeChangeRegradeRun1764890000000,
  AttemptAnswerShapes1764900000000,
  CompactAnswerShapes1764910000000,
  SignedOutTokens1764920000000,
];
