import { messagingMigration } from '@d115/messaging';
import { MailSchema1764400000000 } from './1764400000000-mail-schema';
import { MessageIdReuse1764800000000 } from './1764800000000-message-id-reuse';
import { OutboundNotifications1796196000000 } from './1796196000000-outbound-notifications';

/** All migrations of the mail schema, oldest first. */
export const migrations = [messagingMigration(1764300000000), MailSchema1764400000000, MessageIdReuse1764800000000, OutboundNotifications1796196000000];
