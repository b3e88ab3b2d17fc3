import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/** Cases, their timeline and audit history, and the per-year ticket number sequences. */
export class CreateCases1764400000000 implements MigrationInterface {
  name = 'CreateCases1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.queue (
        id text PRIMARY KEY,
        name text NOT NULL,
        target_expression text,
        reservation_timeout_seconds int NOT NULL CHECK (reservation_timeout_seconds > 0),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${s}.ticket (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE CHECK (number ~ '^115-[0-9]{4}-[0-9]{6,}$'),
        channel text NOT NULL CHECK (channel IN ('phone', 'email', 'web', 'letter')),
        state text NOT NULL CHECK (state IN ('new', 'open', 'pending_citizen', 'pending_authority', 'answered', 'closed')),
        subject text NOT NULL,
        citizen_name text,
        citizen_email text,
        citizen_phone text,
        citizen_preferred_channel text CHECK (citizen_preferred_channel IN ('callback', 'email', 'letter')),
        language text,
        leika_key text CHECK (leika_key ~ '^[0-9]{14}$'),
        ars text CHECK (ars ~ '^[0-9]{12}$'),
        mailbox text,
        priority int NOT NULL DEFAULT 0,
        queue_id text NOT NULL REFERENCES ${s}.queue (id),
        owner_agent_id text,
        routing_status text NOT NULL CHECK (routing_status IN ('queued', 'reserved', 'assigned', 'parked')),
        queued_at timestamptz,
        required_skills jsonb NOT NULL DEFAULT '{}',
        routing_rule_id uuid,
        escalation_steps jsonb NOT NULL DEFAULT '[]',
        escalation_level int NOT NULL DEFAULT 0,
        escalate_at timestamptz,
        suggested_authority_id uuid,
        forwarded_authority_name text,
        forwarded_authority_email text,
        forwarded_at timestamptz,
        related_ticket_id uuid,
        origin_ref text UNIQUE,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        first_responded_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        anonymized_at timestamptz
      )`);
    // Routing: per queue and channel, highest priority first, then longest waiting (one probe per pair).
    await runner.query(`CREATE INDEX ticket_queued_idx ON ${s}.ticket (queue_id, channel, priority DESC, queued_at, id) WHERE routing_status = 'queued'`);
    await runner.query(`CREATE INDEX ticket_escalate_idx ON ${s}.ticket (escalate_at) WHERE routing_status = 'queued' AND escalate_at IS NOT NULL`);
    await runner.query(`CREATE INDEX ticket_owner_idx ON ${s}.ticket (owner_agent_id) WHERE owner_agent_id IS NOT NULL`);
    await runner.query(`CREATE INDEX ticket_state_queue_idx ON ${s}.ticket (state, queue_id)`);
    await runner.query(`CREATE INDEX ticket_created_idx ON ${s}.ticket (created_at DESC)`);
    await runner.query(`CREATE INDEX ticket_closed_idx ON ${s}.ticket (closed_at) WHERE state = 'closed' AND anonymized_at IS NULL`);
    await runner.query(`
      CREATE TABLE ${s}.article (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES ${s}.ticket (id),
        kind text NOT NULL CHECK (kind IN ('email_in', 'email_out', 'call_note', 'internal_note', 'forward', 'reply')),
        author text NOT NULL,
        channel text,
        from_address text,
        to_addresses text[],
        subject text,
        body text NOT NULL,
        classification text,
        mail_message_id uuid UNIQUE,
        rfc_message_id text,
        attachment_ids uuid[],
        reply_request_id uuid,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX article_ticket_idx ON ${s}.article (ticket_id, created_at)`);
    await runner.query(`
      CREATE TABLE ${s}.audit_entry (
        id bigserial PRIMARY KEY,
        ticket_id uuid,
        subject_type text NOT NULL DEFAULT 'ticket',
        subject_id text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        field text,
        old_value text,
        new_value text,
        personal boolean NOT NULL DEFAULT false,
        at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX audit_entry_ticket_idx ON ${s}.audit_entry (ticket_id, id) WHERE ticket_id IS NOT NULL`);
    await runner.query(`CREATE INDEX audit_entry_subject_idx ON ${s}.audit_entry (subject_type, subject_id, id)`);
    // Mails that belong to no case (auto-replies and bounces nobody can attach): kept for ops.
    await runner.query(`
      CREATE TABLE ${s}.unattached_mail (
        mail_message_id uuid PRIMARY KEY,
        rfc_message_id text NOT NULL,
        mailbox text NOT NULL,
        classification text NOT NULL,
        reason text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    // One sequence per year, created on first use; numbers are unique, gaps are allowed.
    await runner.query(`
      CREATE FUNCTION ${s}.next_ticket_number(p_year int) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        seq text := format('%I.%I', '${s}', 'ticket_number_' || p_year);
        n bigint;
      BEGIN
        IF to_regclass(seq) IS NULL THEN
          BEGIN
            EXECUTE 'CREATE SEQUENCE IF NOT EXISTS ' || seq;
          EXCEPTION WHEN unique_violation OR duplicate_table THEN NULL;
          END;
        END IF;
        n := nextval(seq);
        RETURN format('115-%s-%s', p_year, CASE WHEN n >= 1000000 THEN n::text ELSE lpad(n::text, 6, '0') END);
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`DROP FUNCTION ${s}.next_ticket_number(int)`);
    for (const table of ['unattached_mail', 'audit_entry', 'article', 'ticket', 'queue']) await runner.query(`DROP TABLE ${s}.${table}`);
  }
}
