import { OnlineServiceLink, OpeningHoursEntry, ServiceTextModules } from '@d115/contracts';

/** What a format parser yields: records in the shape of our catalogue, not yet validated. */
export interface ServiceRecord {
  kind: 'service';
  sourceId: string;
  leikaKey?: string;
  name: string;
  synonyms?: string[];
  keywords?: string[];
  /** HTML or plain text per named module; sanitised on the way in. */
  modules: ServiceTextModules;
  onlineServices?: OnlineServiceLink[];
  appointmentBookable?: boolean;
  validFrom?: string;
  validUntil?: string;
  position?: string;
}

export interface AddressRecord {
  street?: string;
  houseNumber?: string;
  postalCode?: string;
  city?: string;
}

export interface OrganisationUnitRecord {
  kind: 'organisationUnit';
  sourceId: string;
  name: string;
  email?: string;
  phone?: string;
  address?: AddressRecord;
  openingHours?: OpeningHoursEntry[];
  openingHoursNote?: string;
  position?: string;
}

/** A Zuständigkeit: the service by LeiKa key or by its id in the same source. */
export interface ResponsibilityRecord {
  kind: 'responsibility';
  service: { leikaKey?: string; sourceId?: string };
  organisationUnitSourceId: string;
  /** 12-digit ARS (parsers normalise AGS and level keys). */
  ars: string;
  appointmentBookable?: boolean;
  appointmentUrl?: string;
  position?: string;
}

/** An Onlinedienst: a link attached to a service named by its id in the same source (or its LeiKa key). */
export interface OnlineServiceRecord {
  kind: 'onlineService';
  sourceId: string;
  serviceSourceIds: string[];
  title: string;
  url: string;
  position?: string;
}

/** Something the parser could not turn into a record, or the file ending early (`kind: 'file'`). */
export interface RejectedInput {
  kind: 'rejected';
  record: string;
  sourceId?: string;
  position?: string;
  reason: string;
}

export type CatalogueRecord = ServiceRecord | OrganisationUnitRecord | ResponsibilityRecord | OnlineServiceRecord | RejectedInput;

/** One format: turns a file into a stream of records, never throwing for bad content. */
export interface CatalogueFormat {
  readonly format: import('@d115/contracts').ImportFormat;
  records(path: string): AsyncIterable<CatalogueRecord>;
}
