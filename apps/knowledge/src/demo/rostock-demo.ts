import catalogue from './rostock.catalogue.json';

/** The demo catalogue of the Hansestadt Rostock in d115's own format (texts written by the d115 team). */
export const ROSTOCK_DEMO_CATALOGUE = catalogue;
export const ROSTOCK_DEMO_FILE = 'demo:rostock.catalogue.json';
