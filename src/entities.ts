import { OutboxMessage } from '../libs/queue/outbox-message.entity';
import { RateLimitBucket } from '../libs/rate-limit/rate-limit-bucket.entity';
import { ASSESSMENT_ENTITIES } from './modules/assessment/entities';
import { CERTIFICATION_ENTITIES } from './modules/certification/entities';
import { DEVELOPMENT_PLAN_ENTITIES } from './modules/development-plans/areas';
import { CATALOG_ENTITIES } from './modules/catalog/entities';
import { COMPETENCIES_ENTITIES } from './modules/competencies/entities';
import { IDENTITY_ENTITIES } from './modules/identity/entities';
import { MONITORING_ENTITIES } from './modules/monitoring/entities';
import { LEARNING_ENTITIES } from './modules/learning/entities';
import { NOTIFICATION_ENTITIES } from './modules/notifications/entities';
import { ORGANISATION_ENTITIES } from './modules/organisation/entities';

/** Every entity of every module, for the data source (app, migration CLI and tests alike). */
export const ALL_ENTITIES = [
  OutboxMessage,
  RateLimitBucket,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...COMPETENCIES_ENTITIES,
  ...CATALOG_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ASSESSMENT_ENTITIES,
  ...CERTIFICATION_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...DEVELOPMENT_PLAN_ENTITIES,
  ...MONITORING_ENTITIES,
];
