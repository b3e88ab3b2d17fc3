import { Module } from '@nestjs/common';
import { AttachmentsRepository } from './attachments.repository';
import { BLOB_STORE } from './blob-store';
import { PostgresBlobStore } from './postgres-blob.store';

/** Attachment metadata and the blob store that holds their content. */
@Module({
  providers: [AttachmentsRepository, { provide: BLOB_STORE, useClass: PostgresBlobStore }],
  exports: [AttachmentsRepository],
})
export class AttachmentsModule {}
