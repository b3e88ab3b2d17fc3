/** The roles the gateway knows; a token's other roles are ignored. */
export const ROLES = ['agent', 'supervisor', 'admin', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a user from a verified token, or an outside system with its integration token. */
export interface Principal {
  /** Passed to the services as `actor` (and as the agent id for agent work). */
  id: string;
  name?: string;
  roles: Role[];
  /** ARS prefixes of the municipalities the user may see; empty = every municipality. */
  scope: string[];
  /** Set for integration tokens: the integration's name (the webhook it may call). */
  integration?: string;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/** The scope as the tickets service takes it: absent means unrestricted. */
export function scopeOf(principal: Principal): string[] | undefined {
  return principal.scope.length > 0 ? principal.scope : undefined;
}
