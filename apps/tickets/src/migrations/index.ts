import { messagingMigration } from '@d115/messaging';
import { CreateCases1764400000000 } from './1764400000000-create-cases';
import { CreateRouting1764400000001 } from './1764400000001-create-routing';
import { CreateSlaAndPrivacy1764400000002 } from './1764400000002-create-sla-and-privacy';
import { AddStatusKey1796196408838 } from './1796196408838-add-status-key';

/** All migrations of the tickets schema, oldest first. */
export const migrations = [
  messagingMigration(1764300000000),
  CreateCases1764400000000,
  CreateRouting1764400000001,
  CreateSlaAndPrivacy1764400000002,
  AddStatusKey1796196408838,
];
