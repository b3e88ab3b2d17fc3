import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/** The mail schema: raw and parsed mail, attachments, threading knowledge, outbound queue, IMAP cursors. */
export class MailSchema1764400000000 implements MigrationInterface {
  readonly name = 'MailSchema1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    // Every accepted mail, raw, per mailbox; the unique key is what makes a redelivery a no-op.
    await queryRunner.query(`
      CREATE TABLE ${s}.inbound_message (
        id uuid PRIMARY KEY,
        mailbox text NOT NULL,
        dedupe_key text NOT NULL,
        source text NOT NULL CHECK (source IN ('smtp', 'imap')),
        envelope_from text,
        envelope_to text[] NOT NULL DEFAULT '{}',
        client_address text,
        size integer NOT NULL,
        raw bytea NOT NULL,
        status text NOT NULL CHECK (status IN ('stored', 'quarantined')),
        quarantine_reason text,
        attempts integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        UNIQUE (mailbox, dedupe_key)
      )`);
    await queryRunner.query(`CREATE INDEX inbound_message_quarantine_idx ON ${s}.inbound_message (received_at DESC) WHERE status = 'quarantined'`);

    await queryRunner.query(`
      CREATE TABLE ${s}.message (
        id uuid PRIMARY KEY REFERENCES ${s}.inbound_message (id),
        mailbox text NOT NULL,
        rfc_message_id text NOT NULL,
        from_address text,
        from_name text,
        reply_to jsonb NOT NULL DEFAULT '[]',
        to_addresses jsonb NOT NULL DEFAULT '[]',
        cc_addresses jsonb NOT NULL DEFAULT '[]',
        subject text NOT NULL,
        sent_at timestamptz,
        headers jsonb NOT NULL,
        in_reply_to text,
        reference_ids text[] NOT NULL DEFAULT '{}',
        text_body text NOT NULL,
        quoted_text text,
        html_body text,
        classification text NOT NULL,
        classification_reasons text[] NOT NULL DEFAULT '{}',
        bounce jsonb,
        ticket_id uuid,
        ticket_number text,
        thread_reason text,
        new_case boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX message_rfc_message_id_idx ON ${s}.message (rfc_message_id)`);
    await queryRunner.query(`CREATE INDEX message_ticket_idx ON ${s}.message (ticket_id) WHERE ticket_id IS NOT NULL`);

    // Content-addressed: the same file sent twice is stored once.
    await queryRunner.query(`
      CREATE TABLE ${s}.blob (
        key text PRIMARY KEY,
        size integer NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.attachment (
        id uuid PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES ${s}.message (id),
        position integer NOT NULL,
        filename text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        sha256 char(64) NOT NULL,
        content_id text,
        inline boolean NOT NULL DEFAULT false,
        blob_key text NOT NULL REFERENCES ${s}.blob (key)
      )`);
    await queryRunner.query(`CREATE INDEX attachment_message_idx ON ${s}.attachment (message_id)`);

    // What the mail service knows about tickets, learned from the tickets service's events and its own mail.
    await queryRunner.query(`
      CREATE TABLE ${s}.ticket (
        ticket_id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        citizen_email text,
        participants text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.thread_message (
        rfc_message_id text PRIMARY KEY,
        ticket_id uuid,
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        mailbox text,
        sender text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX thread_message_ticket_idx ON ${s}.thread_message (ticket_id) WHERE ticket_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE ${s}.outbound_message (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('acknowledgment', 'reply', 'forward')),
        request_id uuid UNIQUE,
        ticket_id uuid,
        ticket_number text,
        mailbox text NOT NULL,
        from_address text NOT NULL,
        from_name text,
        to_addresses jsonb NOT NULL,
        cc_addresses jsonb NOT NULL DEFAULT '[]',
        subject text NOT NULL,
        text_body text NOT NULL,
        rfc_message_id text NOT NULL UNIQUE,
        in_reply_to text,
        reference_ids text[] NOT NULL DEFAULT '{}',
        extra_headers jsonb NOT NULL DEFAULT '{}',
        attachment_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        relay_response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbound_message_due_idx ON ${s}.outbound_message (next_attempt_at) WHERE status IN ('queued', 'sending')`);

    // One row per mail that may get an acknowledgment; the decision is taken when the ticket number is known.
    await queryRunner.query(`
      CREATE TABLE ${s}.acknowledgment (
        message_id uuid PRIMARY KEY,
        mailbox text NOT NULL,
        rfc_message_id text NOT NULL,
        recipient text NOT NULL,
        recipient_name text,
        subject text NOT NULL,
        state text NOT NULL CHECK (state IN ('awaiting-ticket', 'queued', 'rate-limited', 'undeliverable')),
        outbound_id uuid,
        ticket_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX acknowledgment_rfc_idx ON ${s}.acknowledgment (rfc_message_id)`);
    await queryRunner.query(`CREATE INDEX acknowledgment_recent_idx ON ${s}.acknowledgment (recipient, decided_at) WHERE state = 'queued'`);

    await queryRunner.query(`
      CREATE TABLE ${s}.undeliverable_address (
        address text PRIMARY KEY,
        status text,
        reason text,
        bounce_message_id uuid,
        detected_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE ${s}.imap_cursor (
        mailbox text NOT NULL,
        folder text NOT NULL,
        uid_validity bigint NOT NULL,
        last_uid bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mailbox, folder)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    for (const table of [
      'imap_cursor',
      'undeliverable_address',
      'acknowledgment',
      'outbound_message',
      'thread_message',
      'ticket',
      'attachment',
      'blob',
      'message',
      'inbound_message',
    ]) {
      await queryRunner.query(`DROP TABLE ${s}.${table}`);
    }
  }
}
