import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage } from 'class-validator';

type Property = SchemaObject & { items?: SchemaObject };
type Apply = (property: Property, constraints: unknown[], each: boolean) => void;

/** What each class-validator rule says in JSON Schema terms (the rules the contracts use). */
const RULES: Record<string, Apply> = {
  isInt: (p) => retype(p, 'integer'),
  min: (p, [n]) => (p.minimum = n as number),
  max: (p, [n]) => (p.maximum = n as number),
  maxLength: (p, [n]) => (p.maxLength = n as number),
  minLength: (p, [n]) => (p.minLength = n as number),
  isLength: (p, [min, max]) => Object.assign(p, { minLength: min as number, ...(max !== undefined ? { maxLength: max as number } : {}) }),
  matches: (p, [pattern]) => (p.pattern = pattern instanceof RegExp ? pattern.source : String(pattern)),
  isUuid: (p) => (p.format = 'uuid'),
  isEmail: (p) => (p.format = 'email'),
  isDateString: (p) => (p.format = 'date-time'),
  isIso8601: (p) => (p.format = 'date-time'),
  arrayMaxSize: (p, [n]) => (p.maxItems = n as number),
  arrayMinSize: (p, [n]) => (p.minItems = n as number),
  isNotEmpty: (p) => (p.minLength ??= 1),
};

function retype(property: Property, type: 'integer'): void {
  if (property.type === 'number') property.type = type;
}

/**
 * Adds what the validation of a contract class enforces (patterns, bounds, lengths,
 * formats, integers) to its generated schema, so the document says what the gateway
 * checks. Rules on array elements (`{ each: true }`) go to `items`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withValidationConstraints(schema: SchemaObject, contract: Function): SchemaObject {
  const properties = (schema.properties ?? {}) as Record<string, Property>;
  const enriched: Record<string, Property> = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, structuredClone(property)]));
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(contract, '', true, false)) {
    const property = enriched[metadata.propertyName];
    const rule = RULES[metadata.name ?? metadata.type];
    if (!property || !rule || '$ref' in property || property.allOf) continue;
    const target = metadata.each && property.type === 'array' && property.items && !(property.items as { $ref?: string }).$ref ? property.items : property;
    rule(target, (metadata.constraints ?? []) as unknown[], Boolean(metadata.each));
  }
  return { ...schema, properties: enriched };
}
