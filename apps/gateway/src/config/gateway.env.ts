import { IsIn, IsOptional, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';
import { BaseEnv, BoolVar, IntVar, PortVar } from '@d115/platform';

/** A claim's name or dotted path: anything without spaces (claim names may be URLs). */
const CLAIM = /^\S{1,200}$/;

/** Environment of the gateway (see docs/api.md, "Configuration"). */
export class GatewayEnv extends BaseEnv {
  /** HTTP port of the API, the docs and the gateway's own health and metrics. */
  @PortVar()
  GATEWAY_PORT = 3000;

  /** Deadline for each service's answer to the system health check. */
  @IntVar(50)
  HEALTH_TIMEOUT_MS = 2000;

  @IsOptional()
  @IsIn(['production', 'development', 'test'])
  NODE_ENV?: string;

  /**
   * Runs without an identity provider (local signing key, demo users) even with
   * NODE_ENV=production. Never set this in a real deployment.
   */
  @BoolVar()
  AUTH_DEVELOPMENT_MODE = false;

  /** The identity provider's JWKS (e.g. Keycloak's …/protocol/openid-connect/certs); required in production. */
  @ValidateIf((env: GatewayEnv) => env.AUTH_JWKS_URL !== undefined || (env.NODE_ENV === 'production' && !env.AUTH_DEVELOPMENT_MODE))
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'AUTH_JWKS_URL must be the https URL of the JWKS; it is required when NODE_ENV=production (or set AUTH_DEVELOPMENT_MODE=1)' },
  )
  AUTH_JWKS_URL?: string;

  /** Expected `iss` of every token (required with AUTH_JWKS_URL). */
  @ValidateIf((env: GatewayEnv) => env.AUTH_JWKS_URL !== undefined)
  @IsString({ message: 'AUTH_ISSUER is required with AUTH_JWKS_URL' })
  AUTH_ISSUER?: string;

  /** Expected `aud` of every token. */
  @IsString()
  AUTH_AUDIENCE = 'd115';

  /**
   * Claim holding the roles: a name, a dotted path for nested claims (Keycloak:
   * `realm_access.roles`, `resource_access.<client>.roles`) or a URL-named claim
   * (Auth0's namespaced `https://d115.example/roles`, ADFS's claim-type URIs).
   */
  @Matches(CLAIM, { message: 'AUTH_ROLES_CLAIM must be a claim name or dotted path without spaces' })
  AUTH_ROLES_CLAIM = 'roles';

  /**
   * The provider's role names for ours, where they differ: `name=role` pairs separated by
   * commas (`115-sachbearbeitung=agent,115-teamleitung=supervisor`). Roles named as ours count as they are.
   */
  @Matches(/^([^=,\s]+=(agent|supervisor|admin)(,[^=,\s]+=(agent|supervisor|admin))*)?$/, {
    message: 'AUTH_ROLE_MAP must be name=role pairs separated by commas, each role one of agent, supervisor, admin',
  })
  AUTH_ROLE_MAP = '';

  /** Claim holding the user's municipalities as ARS prefixes (array or space-separated). */
  @Matches(CLAIM, { message: 'AUTH_SCOPE_CLAIM must be a claim name or dotted path without spaces' })
  AUTH_SCOPE_CLAIM = 'ars';

  /** Claim holding the user id passed to the services as `actor` (and agent id). */
  @Matches(CLAIM, { message: 'AUTH_USER_CLAIM must be a claim name or dotted path without spaces' })
  AUTH_USER_CLAIM = 'sub';

  /** Claim with the display name. */
  @Matches(CLAIM, { message: 'AUTH_NAME_CLAIM must be a claim name or dotted path without spaces' })
  AUTH_NAME_CLAIM = 'name';

  /** ARS prefixes of a user whose token has no scope claim; empty = every municipality. */
  @Matches(/^(\d{1,12}(,\d{1,12})*)?$/, { message: 'AUTH_DEFAULT_SCOPE must be comma-separated ARS prefixes' })
  AUTH_DEFAULT_SCOPE = '';

  /** What the console needs to sign users in at the identity provider (shown by GET /api/v1/auth/config). */
  @IsOptional()
  @IsString()
  AUTH_CLIENT_ID?: string;

  @IsString()
  AUTH_SCOPES = 'openid profile';

  /** Where the embedded default keeps its signing key (default `<D115_DATA_DIR>/gateway/demo-signing-key.json`). */
  @IsOptional()
  @IsString()
  AUTH_DEMO_KEY_FILE?: string;

  @IsOptional()
  @IsString()
  D115_DATA_DIR?: string;

  /** Lifetime of a demo token. */
  @IntVar(60, 7 * 24 * 3600)
  AUTH_DEMO_TOKEN_SECONDS = 8 * 3600;

  /**
   * Integration tokens, hashed: `name:sha256hex` pairs separated by commas (`npm run token -- --integration NAME`
   * prints a token and its line). Revoking is removing the pair.
   */
  @Matches(/^([a-z0-9][a-z0-9-]{0,62}:[0-9a-f]{64}(,[a-z0-9][a-z0-9-]{0,62}:[0-9a-f]{64})*)?$/, {
    message: 'AUTH_INTEGRATION_TOKENS must be name:sha256hex pairs separated by commas',
  })
  AUTH_INTEGRATION_TOKENS = '';

  /** Origins allowed to call the API from a browser (comma-separated; `*` any; empty none). */
  @IsString()
  CORS_ORIGINS = '';

  /** Which proxies' X-Forwarded-For count for the client address: a hop count (`1`), or addresses and subnets (`loopback`, `10.0.0.0/8`, comma-separated); empty none. */
  @IsString()
  TRUST_PROXY = '';

  /** Largest JSON body accepted, in bytes. */
  @IntVar(1024, 50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Largest catalogue file accepted by `POST /api/v1/knowledge/catalogue/imports` (streamed, never held whole). */
  @IntVar(1024)
  CATALOGUE_UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;

  /** How long the gateway waits for the knowledge service to import an uploaded catalogue. */
  @IntVar(1000)
  CATALOGUE_IMPORT_TIMEOUT_MS = 15 * 60 * 1000;

  /** Requests per user per minute. */
  @IntVar(1)
  RATE_LIMIT_PER_USER = 600;

  /** Requests per client address per minute (before and without authentication). */
  @IntVar(1)
  RATE_LIMIT_PER_IP = 1200;

  /** Citizen status look-ups per client address per minute. */
  @IntVar(1)
  RATE_LIMIT_STATUS_PER_IP = 20;

  /** How often the gateway instances exchange their rate limit counts (a limit can overshoot by what the others took in that time). */
  @IntVar(100, 60_000)
  RATE_LIMIT_SYNC_MS = 1000;

  /** Seconds between SSE heartbeats. */
  @IntVar(1, 300)
  SSE_HEARTBEAT_SECONDS = 15;

  /** Seconds between wallboard figures pushed to connected supervisors. */
  @IntVar(1, 3600)
  WALLBOARD_INTERVAL_SECONDS = 10;

  /** How long events are kept for `Last-Event-ID` resume. */
  @IntVar(1, 3600)
  SSE_RESUME_SECONDS = 120;
}
