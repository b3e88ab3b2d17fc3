import { Injectable, OnModuleInit } from '@nestjs/common';
import { Transactions } from '@d115/database';
import { childLogger } from '@d115/observability';

/**
 * Typo tolerance needs pg_trgm, which provisioning creates as the admin (the
 * knowledge role may not). It may live in the knowledge schema or another one;
 * its functions are called schema-qualified. Without it the search still works,
 * only without corrections and did-you-mean — and says so once at start.
 */
@Injectable()
export class TrigramSupport implements OnModuleInit {
  private readonly logger = childLogger('search');
  /** Schema of pg_trgm, quoted; undefined when the extension is missing. */
  schema?: string;

  constructor(private readonly transactions: Transactions) {}

  async onModuleInit(): Promise<void> {
    const [row] = await this.transactions.manager.query(
      `SELECT quote_ident(extnamespace::regnamespace::text) AS schema FROM pg_extension WHERE extname = 'pg_trgm'`,
    );
    if (!row) {
      this.logger.warn('pg_trgm is not installed in this database: the search runs without typo tolerance (create it as an admin: CREATE EXTENSION pg_trgm)');
      return;
    }
    this.schema = row.schema as string;
    try {
      await this.transactions.manager.query(`CREATE INDEX IF NOT EXISTS search_word_trgm_idx ON search_word USING gin (folded ${this.schema}.gin_trgm_ops)`);
    } catch (error) {
      // another instance creating it at the same moment, or no usage right on the extension's schema
      this.logger.warn({ err: error }, 'trigram index on the vocabulary not created');
    }
  }
}
