import { formFields } from '../http/form-fields';

/** Two fields of a few dozen characters: anything larger is not one of our forms. */
const FORM_LIMIT_BYTES = 4 * 1024;
const FORM_FIELD_LIMIT = 10;

/**
 * A posted citizen form (`application/x-www-form-urlencoded`) as its fields. A body that
 * is not one of our forms (too large, too many fields) reads as an empty form, so the
 * page answers it like a form with a wrong key — in German, never the framework's error
 * page. A field sent twice becomes a list, which no page accepts.
 */
export function parseCitizenForm(body: string): Record<string, string | string[]> {
  if (Buffer.byteLength(body) > FORM_LIMIT_BYTES) return {};
  return formFields(new URLSearchParams(body), FORM_FIELD_LIMIT) ?? {};
}
