import { messagingMigration } from '@d115/messaging';
import { CreateCalls1796195779781 } from './1796195779781-create-calls';
import { ServiceLevelWaitPerDay1796197316475 } from './1796197316475-service-level-wait-per-day';
import { CaseLinks1796200000000 } from './1796200000000-case-links';
import { EarlyEnds1796200100000 } from './1796200100000-early-ends';

/** All migrations of the telephony schema, oldest first. */
export const migrations = [
  messagingMigration(1764300000000),
  CreateCalls1796195779781,
  ServiceLevelWaitPerDay1796197316475,
  CaseLinks1796200000000,
  EarlyEnds1796200100000,
];
