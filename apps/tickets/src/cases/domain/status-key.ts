import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new access key: 128 random bits, URL-safe (22 characters). */
export function newStatusKey(): string {
  return randomBytes(16).toString('base64url');
}

export function hashStatusKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Constant-time comparison of a presented key with the stored hash (none stored: never matches). */
export function statusKeyMatches(key: string, storedHash: string | null | undefined): boolean {
  const presented = Buffer.from(hashStatusKey(key), 'hex');
  const stored = Buffer.from(storedHash ?? '0'.repeat(64), 'hex');
  return stored.length === presented.length && timingSafeEqual(stored, presented) && Boolean(storedHash);
}
