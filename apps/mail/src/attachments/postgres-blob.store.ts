import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertRows } from '../common/insert-rows';
import { BlobStore, NewBlob } from './blob-store';
import { BlobEntity } from './entities/blob.entity';

/** Blobs as bytea rows in the mail schema, content-addressed by SHA-256. */
@Injectable()
export class PostgresBlobStore implements BlobStore {
  async putMany(manager: EntityManager, blobs: NewBlob[]): Promise<string[]> {
    const keys = blobs.map((blob) => `sha256:${blob.sha256}`);
    const unique = new Map(blobs.map((blob, i) => [keys[i], blob]));
    if (unique.size > 0) {
      const rows = [...unique].map(([key, blob]) => [key, blob.content.length, blob.content]);
      await insertRows(manager, 'blob', ['key', 'size', 'content'], rows, 'ON CONFLICT (key) DO NOTHING');
    }
    return keys;
  }

  async get(manager: EntityManager, key: string): Promise<Buffer | undefined> {
    const blob = await manager.getRepository(BlobEntity).findOne({ where: { key } });
    return blob?.content;
  }

  async getRange(manager: EntityManager, key: string, offset: number, length: number): Promise<Buffer | undefined> {
    const rows: { piece: Buffer }[] = await manager.query('SELECT substring(content FROM $2 FOR $3) AS piece FROM blob WHERE key = $1', [
      key,
      offset + 1,
      length,
    ]);
    return rows[0]?.piece;
  }
}
