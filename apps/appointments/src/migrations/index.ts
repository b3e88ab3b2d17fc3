import { messagingMigration } from '@d115/messaging';
import { CreateAppointments1796195778041 } from './1796195778041-create-appointments';

/** All migrations of the appointments schema, oldest first. */
export const migrations = [messagingMigration(1764300000000), CreateAppointments1796195778041];
