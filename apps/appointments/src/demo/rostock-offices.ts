import document from './rostock.offices.json';
import { OfficeConfiguration } from '../offices/usecases/upsert-office/upsert-office.usecase';

/**
 * The bookable offices of the Rostock demo catalogue (apps/knowledge/src/demo):
 * the same ids, addresses and opening hours, with counters and durations assumed.
 */
export const ROSTOCK_DEMO_OFFICES = document.offices as OfficeConfiguration[];
export const ROSTOCK_DEMO_SOURCE = document.source;
