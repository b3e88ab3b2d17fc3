import { ARS, LEIKA_KEY, OnlineServiceLink, OpeningHoursEntry, ServiceTextModules, TEXT_MODULE_NAMES } from '@d115/contracts';
import { significantPrefix } from '../catalogue/domain/ars';
import { plainText, sanitiseHtml } from '../catalogue/domain/html';
import { AddressRecord, OnlineServiceRecord, OrganisationUnitRecord, ResponsibilityRecord, ServiceRecord } from './catalogue-record';

/** A record ready to store, or the reason it is not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ServiceRow {
  catalogueKey: string;
  leikaKey: string | null;
  source: string;
  sourceId: string;
  name: string;
  synonyms: string[];
  keywords: string[];
  modules: ServiceTextModules;
  onlineServices: OnlineServiceLink[];
  appointmentBookable: boolean;
  validFrom: string | null;
  validUntil: string | null;
  plainText: string;
}

export interface OrganisationUnitRow {
  catalogueKey: string;
  source: string;
  sourceId: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: AddressRecord | null;
  addressText: string | null;
  openingHours: OpeningHoursEntry[];
  openingHoursNote: string | null;
}

export interface ResponsibilityRow {
  serviceLeikaKey: string | null;
  serviceSourceId: string | null;
  unitKey: string;
  regionArs: string;
  regionPrefix: string;
  appointmentBookable: boolean | null;
  appointmentUrl: string | null;
  /** For the rejection report when the references do not resolve. */
  position?: string;
  label: string;
}

export interface OnlineLinkRow {
  onlineServiceId: string;
  serviceSourceId: string;
  title: string;
  url: string;
  position?: string;
  label: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const DAYS = new Set(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function unitKey(source: string, sourceId: string): string {
  return `${source}:${sourceId}`;
}

const distinct = (values: string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

export function checkService(record: ServiceRecord, source: string): Checked<ServiceRow> {
  const name = record.name?.trim();
  if (!record.sourceId?.trim()) return { ok: false, reason: 'service without an id' };
  if (!name) return { ok: false, reason: 'service without a name' };
  const leikaKey = record.leikaKey?.trim() || null;
  if (leikaKey && !LEIKA_KEY.test(leikaKey)) return { ok: false, reason: `invalid LeiKa key "${leikaKey}" (14 digits expected)` };
  for (const [field, value] of [
    ['validFrom', record.validFrom],
    ['validUntil', record.validUntil],
  ] as const) {
    if (value && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) return { ok: false, reason: `invalid ${field} "${value}" (YYYY-MM-DD expected)` };
  }
  const modules: ServiceTextModules = {};
  const texts: string[] = [];
  for (const module of TEXT_MODULE_NAMES) {
    const raw = record.modules[module];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') return { ok: false, reason: `text module ${module} is not text` };
    const clean = sanitiseHtml(raw);
    if (!clean) continue;
    modules[module] = clean;
    texts.push(plainText(clean));
  }
  const links = (record.onlineServices ?? []).filter((link) => typeof link?.url === 'string' && /^https?:\/\//.test(link.url));
  const synonyms = distinct(record.synonyms);
  const keywords = distinct(record.keywords);
  return {
    ok: true,
    value: {
      catalogueKey: leikaKey ?? unitKey(source, record.sourceId.trim()),
      leikaKey,
      source,
      sourceId: record.sourceId.trim(),
      name,
      synonyms,
      keywords,
      modules,
      onlineServices: links.map((link) => ({ title: link.title?.trim() || link.url, url: link.url })),
      appointmentBookable: record.appointmentBookable === true,
      validFrom: record.validFrom || null,
      validUntil: record.validUntil || null,
      plainText: [name, ...synonyms, ...keywords, ...texts].join(' \n'),
    },
  };
}

export function checkOrganisationUnit(record: OrganisationUnitRecord, source: string): Checked<OrganisationUnitRow> {
  const name = record.name?.trim();
  if (!record.sourceId?.trim()) return { ok: false, reason: 'organisation unit without an id' };
  if (!name) return { ok: false, reason: 'organisation unit without a name' };
  const email = record.email?.trim() || null;
  if (email && !EMAIL.test(email)) return { ok: false, reason: `invalid email "${email}"` };
  const hours = record.openingHours ?? [];
  const badHours = hours.find((entry) => !DAYS.has(entry.day) || !TIME.test(entry.opens) || !TIME.test(entry.closes) || entry.opens >= entry.closes);
  if (badHours) return { ok: false, reason: `invalid opening hours ${JSON.stringify(badHours)} (day mo…su, HH:MM, opens before closes)` };
  const address = record.address && Object.values(record.address).some(Boolean) ? record.address : null;
  const addressText = address
    ? [[address.street, address.houseNumber].filter(Boolean).join(' '), [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : null;
  return {
    ok: true,
    value: {
      catalogueKey: unitKey(source, record.sourceId.trim()),
      source,
      sourceId: record.sourceId.trim(),
      name,
      email,
      phone: record.phone?.trim() || null,
      address,
      addressText,
      openingHours: hours,
      openingHoursNote: record.openingHoursNote?.trim() || null,
    },
  };
}

export function checkResponsibility(record: ResponsibilityRecord, source: string): Checked<ResponsibilityRow> {
  if (!ARS.test(record.ars ?? '')) return { ok: false, reason: `invalid ARS "${record.ars}" (12 digits expected)` };
  const leikaKey = record.service.leikaKey?.trim() || null;
  if (leikaKey && !LEIKA_KEY.test(leikaKey)) return { ok: false, reason: `invalid LeiKa key "${leikaKey}" (14 digits expected)` };
  const sourceId = record.service.sourceId?.trim() || null;
  if (!leikaKey && !sourceId) return { ok: false, reason: 'responsibility names no service' };
  if (!record.organisationUnitSourceId?.trim()) return { ok: false, reason: 'responsibility names no organisation unit' };
  return {
    ok: true,
    value: {
      serviceLeikaKey: leikaKey,
      serviceSourceId: sourceId,
      unitKey: unitKey(source, record.organisationUnitSourceId.trim()),
      regionArs: record.ars,
      regionPrefix: significantPrefix(record.ars),
      appointmentBookable: record.appointmentBookable ?? null,
      appointmentUrl: record.appointmentUrl ?? null,
      position: record.position,
      label: `${leikaKey ?? sourceId} × ${record.organisationUnitSourceId} × ${record.ars}`,
    },
  };
}

export function checkOnlineService(record: OnlineServiceRecord): Checked<OnlineLinkRow[]> {
  if (!/^https?:\/\//.test(record.url ?? '')) return { ok: false, reason: `onlinedienst without an http(s) link` };
  if (record.serviceSourceIds.length === 0) return { ok: false, reason: 'onlinedienst names no leistung' };
  const title = record.title?.trim() || record.url;
  return {
    ok: true,
    value: record.serviceSourceIds.map((serviceSourceId) => ({
      onlineServiceId: record.sourceId,
      serviceSourceId,
      title,
      url: record.url,
      position: record.position,
      label: `${record.sourceId} → ${serviceSourceId}`,
    })),
  };
}
