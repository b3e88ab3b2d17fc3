import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { BLOB_STORE } from './blob-store';
import { PostgresBlobStore } from './postgres-blob.store';
import { ReadAttachmentUsecase } from './usecases/read-attachment/read-attachment.usecase';

/** Attachment metadata, the blob store that holds their content, and reading a file piece by piece. */
@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentsRepository, ReadAttachmentUsecase, { provide: BLOB_STORE, useClass: PostgresBlobStore }],
  exports: [AttachmentsRepository],
})
export class AttachmentsModule {}
