import { stat, readFile } from 'node:fs/promises';

/** DLDB and d115 JSON files are parsed whole; this bounds the memory that takes (documented in docs/knowledge.md). */
export const JSON_FILE_LIMIT_BYTES = 64 * 1024 * 1024;

export type JsonOutcome = { ok: true; value: unknown } | { ok: false; reason: string; position?: string };

/** Reads and parses a JSON file; malformed or oversized content is an outcome, not a throw. */
export async function readJsonFile(path: string): Promise<JsonOutcome> {
  const { size } = await stat(path);
  if (size > JSON_FILE_LIMIT_BYTES) return { ok: false, reason: `file of ${size} bytes exceeds the JSON import limit of ${JSON_FILE_LIMIT_BYTES} bytes` };
  const text = await readFile(path, 'utf8');
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    return { ok: false, reason: `malformed JSON: ${message}`, ...(at ? { position: positionOf(text, Number(at[1])) } : {}) };
  }
}

function positionOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
export const asStrings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(asString).filter((v): v is string => !!v)
    : typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : [];
