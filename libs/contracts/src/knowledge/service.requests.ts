import { IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { ARS, LEIKA_KEY } from '../common/keys';

/** `d115.knowledge.service.get`: by LeiKa key, or by the catalogue's own id for a service without one. */
export class GetServiceRequest {
  @ValidateIf((request: GetServiceRequest) => !request.serviceId)
  @Matches(LEIKA_KEY)
  leikaKey?: string;

  @IsOptional()
  @IsUUID()
  serviceId?: string;

  /** The region asked about; without it the reply names no office. */
  @IsOptional()
  @Matches(ARS)
  ars?: string;
}

/** The named text modules (Textmodule) of a Leistungsbeschreibung; HTML is sanitised. */
export interface ServiceTextModules {
  shortText?: string;
  fullText?: string;
  requiredDocuments?: string;
  prerequisites?: string;
  fees?: string;
  procedure?: string;
  processingTime?: string;
  deadlines?: string;
  forms?: string;
  legalBasis?: string;
  notes?: string;
}

export const TEXT_MODULE_NAMES = [
  'shortText',
  'fullText',
  'requiredDocuments',
  'prerequisites',
  'fees',
  'procedure',
  'processingTime',
  'deadlines',
  'forms',
  'legalBasis',
  'notes',
] as const satisfies readonly (keyof ServiceTextModules)[];

export interface OnlineServiceLink {
  title: string;
  url: string;
}

export interface OpeningHoursEntry {
  /** mo tu we th fr sa su */
  day: string;
  opens: string;
  closes: string;
}

export interface OrganisationUnitView {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  openingHours: OpeningHoursEntry[];
  openingHoursNote?: string;
}

export interface ServiceDescriptionView {
  id: string;
  leikaKey?: string;
  source: string;
  sourceId: string;
  name: string;
  synonyms: string[];
  keywords: string[];
  modules: ServiceTextModules;
  onlineServices: OnlineServiceLink[];
  appointmentBookable: boolean;
  validFrom?: string;
  validUntil?: string;
}

export interface GetServiceReply {
  service: ServiceDescriptionView;
  /** The ARS asked about, echoed. */
  ars?: string;
  /** The most specific responsibility covering `ars`; absent when none is known. */
  responsible?: {
    organisationUnit: OrganisationUnitView;
    /** The region of the responsibility that matched (covers `ars`). */
    regionArs: string;
    appointmentBookable: boolean;
    appointmentUrl?: string;
  };
}
