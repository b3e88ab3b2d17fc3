import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh auth key (24 URL-safe characters, 144 random bits) and the hash that is stored instead of it. */
export function newAuthKey(): { key: string; hash: Buffer } {
  const key = randomBytes(18).toString('base64url');
  return { key, hash: hashOf(key) };
}

export function hashOf(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Constant-time: both sides are 32-byte hashes, whatever was typed. */
export function keyMatches(key: string, hash: Buffer): boolean {
  return timingSafeEqual(hashOf(key), hash);
}
