import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEMO_ISSUER, DemoUser } from './demo-users';

const ALG = 'ES256';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

export interface DemoKeyOptions {
  keyFile?: string;
  dataDir?: string;
}

/** Where the embedded default keeps its key: AUTH_DEMO_KEY_FILE, else `<data dir>/gateway/demo-signing-key.json`. */
export function demoKeyFile(options: DemoKeyOptions): string {
  return resolve(options.keyFile ?? join(options.dataDir ?? '.data', 'gateway', 'demo-signing-key.json'));
}

/**
 * The embedded default's signing key: created on first use and kept in the data dir
 * (mode 0600), so tokens survive a restart and `npm run token` signs with the same
 * key as the running gateway.
 */
export class DemoSigningKey {
  private constructor(
    private readonly privateKey: SigningKey,
    readonly publicJwk: JWK,
  ) {}

  static async load(file: string): Promise<DemoSigningKey> {
    if (!existsSync(file)) await DemoSigningKey.create(file);
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const privateKey = await importJWK(jwk, ALG);
    const { d: _private, ...publicJwk } = jwk;
    return new DemoSigningKey(privateKey, { ...publicJwk, alg: ALG, use: 'sig' });
  }

  private static async create(file: string): Promise<void> {
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: ALG };
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(jwk), { mode: 0o600 });
    // Two processes creating the key at once: the first rename wins, both then read the same file.
    if (!existsSync(file)) renameSync(temporary, file);
  }

  sign(user: DemoUser, audience: string, lifetimeSeconds: number): Promise<string> {
    return new SignJWT({ name: user.name, roles: user.roles, ars: user.ars })
      .setProtectedHeader({ alg: ALG, kid: this.publicJwk.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(DEMO_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.privateKey);
  }
}
