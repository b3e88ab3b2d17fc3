import { createLocalJWKSet, createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { D115Error, ErrorCode } from '@d115/contracts';
import { GatewayEnv } from '../config/gateway.env';
import { DEMO_ISSUER } from './demo-users';
import { DemoSigningKey } from './demo-signing-key';
import { Principal, Role, ROLES } from './principal';

/** How many verified tokens are remembered (the oldest is forgotten first). */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Asymmetric algorithms only: `none` and shared-secret HS* tokens are refused. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface TokenVerifierSettings {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/**
 * Verifies bearer tokens (signature against the JWKS, issuer, audience, expiry) and reads
 * the principal from the configured claims. Every refusal is AUTH.UNAUTHENTICATED with
 * the reason; the token itself is never logged or echoed.
 */
export class TokenVerifier {
  /** Tokens verified before, until they expire: a signature check per token, not per request. */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();
  /** The provider's role names for ours (AUTH_ROLE_MAP), with ours for themselves. */
  private readonly roleNames: ReadonlyMap<string, Role>;

  constructor(
    private readonly settings: TokenVerifierSettings,
    private readonly env: GatewayEnv,
  ) {
    const mapped = env.AUTH_ROLE_MAP.split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, Role]);
    this.roleNames = new Map<string, Role>([...ROLES.map((role): [string, Role] => [role, role]), ...mapped]);
  }

  static forIdentityProvider(env: GatewayEnv): TokenVerifier {
    return new TokenVerifier({ keys: createRemoteJWKSet(new URL(env.AUTH_JWKS_URL!)), issuer: env.AUTH_ISSUER!, audience: env.AUTH_AUDIENCE }, env);
  }

  static forDemoKey(key: DemoSigningKey, env: GatewayEnv): TokenVerifier {
    return new TokenVerifier({ keys: createLocalJWKSet({ keys: [key.publicJwk] }), issuer: DEMO_ISSUER, audience: env.AUTH_AUDIENCE }, env);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.principal;
    if (known) this.verified.delete(token);
    const { principal, expiresAt } = await this.verifyOnce(token);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAt });
    return principal;
  }

  private async verifyOnce(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.settings.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw new D115Error(ErrorCode.UNAUTHENTICATED, `bearer token refused: ${reason(error)}`);
    }
    return { principal: this.principal(payload), expiresAt: payload.exp! * 1000 };
  }

  private principal(payload: JWTPayload): Principal {
    const id = claim(payload, this.env.AUTH_USER_CLAIM);
    if (typeof id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/.test(id)) {
      throw new D115Error(ErrorCode.UNAUTHENTICATED, `bearer token refused: claim ${this.env.AUTH_USER_CLAIM} is not a usable user id`);
    }
    const name = claim(payload, this.env.AUTH_NAME_CLAIM);
    const roles = [
      ...new Set(
        list(claim(payload, this.env.AUTH_ROLES_CLAIM))
          .map((name) => this.roleNames.get(name))
          .filter((role): role is Role => role !== undefined),
      ),
    ];
    const scopeClaim = claim(payload, this.env.AUTH_SCOPE_CLAIM);
    const scope = scopeClaim === undefined ? this.env.AUTH_DEFAULT_SCOPE.split(',').filter(Boolean) : list(scopeClaim);
    if (!scope.every((prefix) => /^\d{1,12}$/.test(prefix))) {
      throw new D115Error(ErrorCode.UNAUTHENTICATED, `bearer token refused: claim ${this.env.AUTH_SCOPE_CLAIM} must list ARS prefixes`);
    }
    // Integration is a role for integration tokens only; a user token cannot claim it.
    return { id, name: typeof name === 'string' ? name : undefined, roles: roles.filter((role) => role !== 'integration'), scope };
  }
}

/**
 * A claim by name or dotted path: `roles`, `realm_access.roles`, but also names that hold dots
 * themselves — a Keycloak client id `d115.rostock.de` in `resource_access.d115.rostock.de.roles`,
 * a URL-named claim (`https://d115.rostock.de/roles`). At each level the longest name present wins.
 */
function claim(payload: JWTPayload, path: string): unknown {
  const walk = (value: unknown, segments: string[]): unknown => {
    if (segments.length === 0) return value;
    if (!value || typeof value !== 'object') return undefined;
    for (let take = segments.length; take > 0; take--) {
      const name = segments.slice(0, take).join('.');
      if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
      const found = walk((value as Record<string, unknown>)[name], segments.slice(take));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(payload, path.split('.'));
}

/** An array claim, or a space-separated string (OAuth's `scope` style). */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

function reason(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'signature not valid for the configured keys';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim ${(error as { claim?: string }).claim} not as expected`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'algorithm not allowed';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JOSE_GENERIC':
      return 'keys of the identity provider not available';
    default:
      return 'not a valid signed JWT';
  }
}
