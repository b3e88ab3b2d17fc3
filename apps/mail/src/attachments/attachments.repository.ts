import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { insertRows } from '../common/insert-rows';
import { ParsedAttachment } from '../parsing/parsed-mail';
import { BLOB_STORE, BlobStore } from './blob-store';
import { AttachmentEntity } from './entities/attachment.entity';

export interface StoredAttachment {
  entity: AttachmentEntity;
  content: Buffer;
}

/** An attachment row about to be written, with the content for the blob store. */
export interface NewAttachment {
  entity: AttachmentEntity;
  content: Buffer;
}

const COLUMNS = ['id', 'message_id', 'position', 'filename', 'content_type', 'size', 'sha256', 'content_id', 'inline', 'blob_key'];

@Injectable()
export class AttachmentsRepository {
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  /** The rows a message's files will have (ids assigned now, so events can name them). */
  prepare(messageId: string, attachments: ParsedAttachment[]): NewAttachment[] {
    return attachments.map((attachment, position) => ({
      content: attachment.content,
      entity: {
        id: uuidv7(),
        messageId,
        position,
        filename: attachment.filename.slice(0, 500),
        contentType: attachment.contentType.slice(0, 200),
        size: attachment.size,
        sha256: attachment.sha256,
        contentId: attachment.contentId ?? null,
        inline: attachment.inline,
        blobKey: `sha256:${attachment.sha256}`,
      },
    }));
  }

  /** Stores the files (content in the blob store) of any number of messages. */
  async insertMany(manager: EntityManager, attachments: NewAttachment[]): Promise<void> {
    if (attachments.length === 0) return;
    const keys = await this.blobs.putMany(
      manager,
      attachments.map((a) => ({ content: a.content, sha256: a.entity.sha256 })),
    );
    const rows = attachments.map(({ entity }, i) => [
      entity.id,
      entity.messageId,
      entity.position,
      entity.filename,
      entity.contentType,
      entity.size,
      entity.sha256,
      entity.contentId,
      entity.inline,
      keys[i],
    ]);
    await insertRows(manager, 'attachment', COLUMNS, rows);
  }

  async findWithContent(manager: EntityManager, ids: string[]): Promise<StoredAttachment[]> {
    if (ids.length === 0) return [];
    const entities = await manager.getRepository(AttachmentEntity).find({ where: { id: In(ids) } });
    const stored: StoredAttachment[] = [];
    for (const entity of entities) {
      const content = await this.blobs.get(manager, entity.blobKey);
      if (content) stored.push({ entity, content });
    }
    return stored;
  }
}
