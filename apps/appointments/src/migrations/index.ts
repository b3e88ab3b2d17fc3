import { messagingMigration } from '@d115/messaging';
import { CreateAppointments1796195778041 } from './1796195778041-create-appointments';
import { OfficeUnitsVersion1796300000000 } from './1796300000000-office-units-version';

/** All migrations of the appointments schema, oldest first. */
export const migrations = [messagingMigration(1764300000000), CreateAppointments1796195778041, OfficeUnitsVersion1796300000000];
