import { Inject, Injectable } from '@nestjs/common';
import { ATTACHMENT_CHUNK_BYTES, AttachmentChunkReply, D115Error, GetAttachmentRequest, MailErrorCode } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { BLOB_STORE, BlobStore } from '../../blob-store';
import { AttachmentEntity } from '../../entities/attachment.entity';

/**
 * One piece of a stored attachment with its description. Pieces are read from the
 * blob store by range, so a large file never sits in memory whole.
 */
@Injectable()
export class ReadAttachmentUsecase {
  constructor(
    private readonly transactions: Transactions,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute(request: GetAttachmentRequest): Promise<AttachmentChunkReply> {
    const manager = this.transactions.manager;
    const attachment = await manager.getRepository(AttachmentEntity).findOne({ where: { id: request.id } });
    if (!attachment) throw new D115Error(MailErrorCode.ATTACHMENT_NOT_FOUND, `no attachment with id ${request.id}`);
    const offset = Math.min(request.offset ?? 0, attachment.size);
    const length = Math.min(request.length ?? ATTACHMENT_CHUNK_BYTES, attachment.size - offset);
    const piece = length === 0 ? Buffer.alloc(0) : await this.blobs.getRange(manager, attachment.blobKey, offset, length);
    if (!piece) throw new D115Error(MailErrorCode.ATTACHMENT_NOT_FOUND, `the content of attachment ${request.id} is gone`);
    return {
      id: attachment.id,
      messageId: attachment.messageId,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      offset,
      content: piece.toString('base64'),
      last: offset + piece.length >= attachment.size,
    };
  }
}
