import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { JetStreamClient, NatsConnection, nanos, ObjectStore, StorageType } from 'nats';
import { CATALOGUE_UPLOADS_BUCKET, D115Error, GatewayErrorCode, ImportReport, ImportUploadedCatalogueRequest, KnowledgeSubjects } from '@d115/contracts';
import { Namespace, RequestClient } from '@d115/messaging';
import { ENV, JETSTREAM, NATS_CONNECTION } from '@d115/platform';
import { Principal } from '../auth/principal';
import { GatewayEnv } from '../config/gateway.env';
import { multipartFile } from '../http/multipart-file';

/** Bytes handed to NATS between two round trips (the object store itself does not wait for the server). */
const FLUSH_EVERY_BYTES = 1024 * 1024;

/** An upload nobody imported (the gateway stopped in between) is gone after a day. */
const UPLOAD_TTL_MS = 24 * 3600 * 1000;

export type CatalogueUploadOptions = Omit<ImportUploadedCatalogueRequest, 'actor' | 'object' | 'filename'>;

/**
 * A catalogue file uploaded as multipart/form-data goes, as it arrives, into the uploads
 * object store (JetStream, in chunks; the request is read only as fast as NATS takes it),
 * then the knowledge service is asked to import that object and its report is the answer.
 * The gateway never holds the file: memory stays at a few chunks whatever its size. The
 * object is removed once the knowledge service has answered (or the upload failed).
 */
@Injectable()
export class UploadCatalogueUsecase {
  private store?: Promise<ObjectStore>;

  constructor(
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly namespace: Namespace,
    private readonly requests: RequestClient,
    @Inject(ENV) private readonly env: GatewayEnv,
  ) {}

  async execute(user: Principal, request: FastifyRequest, reply: FastifyReply, options: CatalogueUploadOptions): Promise<ImportReport> {
    try {
      return await this.uploadAndImport(user, request, options);
    } catch (error) {
      // The rest of a refused body is not read: the connection closes after the answer instead.
      if (!request.raw.complete) closeAfterAnswer(request, reply);
      throw error;
    }
  }

  private async uploadAndImport(user: Principal, request: FastifyRequest, options: CatalogueUploadOptions): Promise<ImportReport> {
    const limit = this.env.CATALOGUE_UPLOAD_LIMIT_BYTES;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit + 64 * 1024) {
      throw new D115Error(GatewayErrorCode.BODY_TOO_LARGE, `the upload of ${declared} bytes exceeds ${limit} bytes`);
    }
    const file = await multipartFile(request.raw, request.headers['content-type'], 'file', limit);
    const object = `upload-${randomUUID()}`;
    const uploads = await this.uploads();
    try {
      await uploads.put({ name: object, description: file.filename }, this.paced(file.stream));
      return await this.requests.request(
        KnowledgeSubjects.importCatalogue,
        { ...options, actor: user.id, object, filename: file.filename },
        { timeoutMs: this.env.CATALOGUE_IMPORT_TIMEOUT_MS },
      );
    } finally {
      await uploads.delete(object).catch(() => undefined);
    }
  }

  /**
   * The object store publishes each chunk without waiting; over a slower NATS link the
   * chunks would pile up in this process. A flush (PING/PONG) every megabyte waits until
   * the server has read what was sent, so the request is read no faster than NATS takes it.
   */
  private paced(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    const reader = stream.getReader();
    let unflushed = 0;
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          if (unflushed >= FLUSH_EVERY_BYTES) {
            await this.nc.flush();
            unflushed = 0;
          }
          const { done, value } = await reader.read();
          if (done) return controller.close();
          unflushed += value.length;
          controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
  }

  private uploads(): Promise<ObjectStore> {
    this.store ??= this.js.views.os(this.namespace.stream(CATALOGUE_UPLOADS_BUCKET), { storage: StorageType.File, ttl: nanos(UPLOAD_TTL_MS) });
    // A failed lookup (NATS away) is tried again with the next upload.
    this.store.catch(() => (this.store = undefined));
    return this.store;
  }
}

function closeAfterAnswer(request: FastifyRequest, reply: FastifyReply): void {
  if (!reply.raw.headersSent) reply.header('Connection', 'close');
  reply.raw.once('finish', () => request.raw.socket.destroy());
}
