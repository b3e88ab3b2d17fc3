import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'd115i';
const TOKEN = /^d115i_([a-z0-9][a-z0-9-]{0,62})_[A-Za-z0-9_-]{32,}$/;

/** sha256 of a token, hex: what the configuration keeps instead of the token. */
export function hashIntegrationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new token for an integration and the `name:hash` line for AUTH_INTEGRATION_TOKENS. */
export function issueIntegrationToken(integration: string): { token: string; configuration: string } {
  const token = `${PREFIX}_${integration}_${randomBytes(24).toString('base64url')}`;
  return { token, configuration: `${integration}:${hashIntegrationToken(token)}` };
}

/**
 * Integration tokens (CTI platforms, portals), known only by their hashes and named
 * after their integration, which is all they may call. Revoked by removing the pair.
 */
export class IntegrationTokens {
  private readonly hashes = new Map<string, Buffer[]>();

  constructor(configuration: string) {
    for (const pair of configuration.split(',').filter(Boolean)) {
      const [name, hash] = pair.split(':');
      this.hashes.set(name, [...(this.hashes.get(name) ?? []), Buffer.from(hash, 'hex')]);
    }
  }

  static looksLikeOne(token: string): boolean {
    return token.startsWith(`${PREFIX}_`);
  }

  /** The integration's name, or undefined for an unknown or revoked token. */
  verify(token: string): string | undefined {
    const name = TOKEN.exec(token)?.[1];
    if (!name) return undefined;
    const hash = Buffer.from(hashIntegrationToken(token), 'hex');
    return (this.hashes.get(name) ?? []).some((known) => timingSafeEqual(known, hash)) ? name : undefined;
  }
}
