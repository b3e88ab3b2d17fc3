import { OrganisationUnitView, ResponsibleAuthority } from '@d115/contracts';
import { CoveringResponsibility } from './responsibilities.repository';

type Unit = CoveringResponsibility['unit'];

export function toOrganisationUnitView(unit: Unit): OrganisationUnitView {
  return {
    id: unit.id,
    name: unit.name,
    ...(unit.email ? { email: unit.email } : {}),
    ...(unit.phone ? { phone: unit.phone } : {}),
    ...(unit.addressText ? { address: unit.addressText } : {}),
    openingHours: unit.openingHours,
    ...(unit.openingHoursNote ? { openingHoursNote: unit.openingHoursNote } : {}),
  };
}

/** The unit as `responsible-authority.find` names it: its functional address and the region that matched. */
export function toResponsibleAuthority(unit: Unit, regionArs: string): ResponsibleAuthority {
  const { openingHours: _hours, openingHoursNote: _note, ...contact } = toOrganisationUnitView(unit);
  return { ...contact, ars: regionArs };
}
