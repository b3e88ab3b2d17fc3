import { messagingMigration } from '@d115/messaging';

/** All migrations of the telephony schema, oldest first. */
export const migrations = [messagingMigration(1764300000000)];
