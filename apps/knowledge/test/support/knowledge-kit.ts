import { Client } from 'pg';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { D115Error, ImportReport, ReplyOf, RequestOf, RequestSubject } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { DATA_SOURCE, RunningService } from '@d115/platform';
import { TestEnvironment, waitFor } from '@d115/testing';
import { KnowledgeEnv } from '../../src/config/knowledge.env';
import { CatalogueImporter, ImportFileOptions } from '../../src/import/catalogue-importer';
import { knowledgeService } from '../../src/main';

export const fixture = (name: string) => `${__dirname}/../fixtures/${name}`;

/** A private knowledge service (database, namespace), driven over NATS and through the import command's importer. */
export class KnowledgeKit {
  service!: RunningService<KnowledgeEnv>;

  private constructor(
    readonly env: TestEnvironment,
    readonly sql: Client,
    readonly nc: NatsConnection,
    readonly client: RequestClient,
  ) {}

  static async create(services: ('knowledge' | 'tickets')[] = ['knowledge']): Promise<KnowledgeKit> {
    const env = await TestEnvironment.create(services);
    const nc = await env.nats();
    return new KnowledgeKit(env, await env.sql(), nc, new RequestClient(nc, env.namespace, 10000));
  }

  async start(overrides: Record<string, string> = {}): Promise<RunningService<KnowledgeEnv>> {
    this.service = await this.env.start(knowledgeService, { KNOWLEDGE_DEMO_CATALOGUE: 'false', ...overrides });
    return this.service;
  }

  /** What `npm run knowledge -- import FILE` does, against this test's database. */
  async import(file: string, options: ImportFileOptions = {}): Promise<ImportReport> {
    const importer = new CatalogueImporter(this.service.app.get<DataSource>(DATA_SOURCE), 'knowledge');
    const report = await importer.importFile(file, options);
    if ('error' in report) throw new Error(report.error);
    return report;
  }

  request<S extends RequestSubject>(subject: S, payload: RequestOf<S>): Promise<ReplyOf<S>> {
    return this.client.request(subject, payload);
  }

  async failure(subject: string, payload: unknown): Promise<D115Error> {
    const outcome = await this.client.requestUntyped(subject, payload).then(
      (reply) => new Error(`expected ${subject} to fail, got ${JSON.stringify(reply)}`),
      (error: unknown) => error,
    );
    if (!(outcome instanceof D115Error)) throw outcome;
    return outcome;
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.sql.query(sql, params)).rows as T[];
  }

  /** The last event on a subject in the test's JetStream stream, once the relay published it. */
  async publishedEvent(subject: string, about: string): Promise<Record<string, unknown>> {
    const jsm = await this.nc.jetstreamManager();
    return waitFor(async () => {
      const message = await jsm.streams.getMessage(this.env.streamName('EVENTS'), { last_by_subj: this.env.namespace.subject(subject) });
      const envelope = message.json<Record<string, unknown>>();
      return envelope.subject === about ? envelope : undefined;
    }, `${subject} about ${about} on the stream`);
  }

  dispose(): Promise<void> {
    return this.env.dispose();
  }
}
