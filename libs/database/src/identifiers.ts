/** Postgres identifiers we create from configuration must be plain lower-case names. */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(value: string, what: string): string {
  if (!IDENTIFIER.test(value)) {
    throw new Error(`${what} "${value}" is not a valid identifier (lower-case letters, digits, underscore; max 63)`);
  }
  return value;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
