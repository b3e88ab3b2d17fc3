import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { RequestSubject } from '@d115/contracts';
import generated from './contract-schemas.generated.json';

/**
 * The schemas of the contracts, generated from libs/contracts by scripts/contract-schemas.js
 * (run by the build): every exported type, and the request and reply of every subject.
 */
export const CONTRACT_SCHEMAS = generated.schemas as unknown as Record<string, SchemaObject>;
const REQUESTS = generated.requests as unknown as Record<string, { request: SchemaObject; reply: SchemaObject }>;

/** A reference to a named contract schema (the document carries every one in its components). */
export function schemaRef(name: string): ReferenceObject {
  if (!CONTRACT_SCHEMAS[name]) throw new Error(`no generated schema for ${name}: run node scripts/contract-schemas.js`);
  return { $ref: `#/components/schemas/${name}` };
}

export function replySchema(subject: RequestSubject): SchemaObject {
  const contract = REQUESTS[subject];
  if (!contract) throw new Error(`no generated schema for ${subject}: run node scripts/contract-schemas.js`);
  return contract.reply;
}

/** A named contract schema without the fields the gateway fills in (actor, ids from the path). */
export function contractSchema(name: string, omit: readonly string[] = []): SchemaObject {
  const schema = CONTRACT_SCHEMAS[name];
  if (!schema) throw new Error(`no generated schema for ${name}: run node scripts/contract-schemas.js`);
  if (omit.length === 0) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([key]) => !omit.includes(key)));
  const required = (schema.required ?? []).filter((key) => !omit.includes(key));
  return { ...schema, properties, ...(required.length ? { required } : { required: undefined }) };
}
