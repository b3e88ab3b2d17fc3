import type { Role } from './principal';

export interface DemoUser {
  id: string;
  name: string;
  roles: Role[];
  /** ARS prefixes; empty = every municipality. */
  ars: string[];
}

/** The users of the embedded default (no identity provider configured). */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'demo-agent', name: 'Demo Agent', roles: ['agent'], ars: ['13'] },
  { id: 'demo-supervisor', name: 'Demo Supervisor', roles: ['supervisor', 'agent'], ars: ['13'] },
  { id: 'demo-admin', name: 'Demo Admin', roles: ['admin'], ars: [] },
];

export const DEMO_ISSUER = 'urn:d115:gateway:demo';
