import { Matches } from 'class-validator';

/** `POST /api/v1/auth/demo-login` (embedded default only). */
export class DemoLoginRequest {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/)
  userId!: string;
}

export interface DemoLoginReply {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
}

export interface DemoUserView {
  id: string;
  name: string;
  roles: string[];
}

/** `GET /api/v1/auth/config`: how the console signs users in. */
export interface AuthConfigReply {
  mode: 'oidc' | 'demo';
  /** oidc: the identity provider's issuer URL (its discovery document is below it). */
  issuer?: string;
  clientId?: string;
  audience?: string;
  scopes?: string[];
  /** demo: who can sign in. */
  users?: DemoUserView[];
}

/**
 * `GET /api/v1/auth/me`: the signed-in user as the gateway reads the token — the configured
 * claims (`AUTH_USER_CLAIM`, `AUTH_ROLES_CLAIM`, `AUTH_ROLE_MAP`, `AUTH_SCOPE_CLAIM`) applied —
 * so a client never decodes tokens itself.
 */
export interface SignedInUserReply {
  /** The user id (`actor`, and the agent id for agent work). */
  id: string;
  name?: string;
  roles: ('agent' | 'supervisor' | 'admin')[];
  /** ARS prefixes of the user's municipalities; empty = every municipality. */
  scope: string[];
}
