import { messagingMigration } from '@d115/messaging';
import { CreateCatalogue1764500000000 } from './1764500000000-create-catalogue';
import { CreateSearch1796195810467 } from './1796195810467-create-search';

/** All migrations of the knowledge schema, oldest first. */
export const migrations = [messagingMigration(1764300000000), CreateCatalogue1764500000000, CreateSearch1796195810467];
