import { Inject, Injectable } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { JetStreamClient } from 'nats';
import { CATALOGUE_UPLOADS_BUCKET, D115Error, ErrorCode, ImportReport, ImportUploadedCatalogueRequest } from '@d115/contracts';
import { Namespace } from '@d115/messaging';
import { ENV, JETSTREAM } from '@d115/platform';
import { KnowledgeEnv } from '../../../config/knowledge.env';
import { D115JsonFormat } from '../../formats/d115-json.format';
import { detectFormat } from '../../formats/detect-format';
import { ImportCatalogueUsecase } from '../import-catalogue/import-catalogue.usecase';

/**
 * Imports a catalogue file that the gateway streamed into the uploads object store
 * (`POST /api/v1/knowledge/catalogue/imports`): the object is streamed chunk by chunk into
 * a private temporary file (the parsers read files: XZuFi as a stream, JSON whole within
 * its limit), imported like `npm run knowledge -- import FILE`, and the file removed. The
 * gateway removes the object once it has the answer.
 */
@Injectable()
export class ImportUploadedCatalogueUsecase {
  constructor(
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    private readonly namespace: Namespace,
    private readonly importer: ImportCatalogueUsecase,
    @Inject(ENV) private readonly env: KnowledgeEnv,
  ) {}

  async execute(cmd: ImportUploadedCatalogueRequest): Promise<ImportReport> {
    const uploads = await this.js.views.os(this.namespace.stream(CATALOGUE_UPLOADS_BUCKET));
    const object = await uploads.get(cmd.object);
    if (!object) throw new D115Error(ErrorCode.NOT_FOUND, `no uploaded file ${cmd.object}`);
    const dir = await mkdtemp(join(tmpdir(), 'd115-upload-'));
    try {
      const file = join(dir, cmd.object);
      await pipeline(Readable.fromWeb(object.data as unknown as WebReadableStream<Uint8Array>), createWriteStream(file));
      // The store checks the digest at the end of the stream; a damaged object fails here.
      const failure = await object.error;
      if (failure) throw new D115Error(ErrorCode.SERVICE_UNAVAILABLE, `the uploaded file could not be read: ${failure.message}`);
      const format = await detectFormat(file, { ars: cmd.ars });
      if ('unknown' in format) throw new D115Error(ErrorCode.VALIDATION_FAILED, `format not recognised: ${format.unknown}`);
      const source =
        cmd.source ??
        (format.format === 'd115' ? await D115JsonFormat.sourceOf(file) : undefined) ??
        (format.format === 'xzufi' ? 'xzufi' : format.format === 'd115' ? 'd115' : 'dldb');
      return await this.importer.execute({ file: cmd.filename ?? cmd.object, path: file, format, source, batchSize: this.env.KNOWLEDGE_IMPORT_BATCH_SIZE });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
