import { EntityManager } from 'typeorm';

export interface NewBlob {
  content: Buffer;
  sha256: string;
}

/**
 * Where attachment content lives. Postgres today; object storage later
 * (an implementation that writes before the transaction commits and leaves
 * orphans to a sweeper is fine: the metadata row is the truth).
 */
export interface BlobStore {
  /** Stores the contents (idempotent per key) and returns their keys, in order. */
  putMany(manager: EntityManager, blobs: NewBlob[]): Promise<string[]>;
  get(manager: EntityManager, key: string): Promise<Buffer | undefined>;
  /** `length` bytes from `offset` on (fewer at the end), without reading the rest. */
  getRange(manager: EntityManager, key: string, offset: number, length: number): Promise<Buffer | undefined>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');
