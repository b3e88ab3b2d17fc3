import { messagingMigration } from '@d115/messaging';
import { MailSchema1764400000000 } from './1764400000000-mail-schema';

/** All migrations of the mail schema, oldest first. */
export const migrations = [messagingMigration(1764300000000), MailSchema1764400000000];
