import { Service } from './catalogue/entities/service.entity';
import { OrganisationUnit } from './organisations/entities/organisation-unit.entity';
import { Responsibility } from './organisations/entities/responsibility.entity';

/** Every entity of the knowledge schema. */
export const entities = [Service, OrganisationUnit, Responsibility];
