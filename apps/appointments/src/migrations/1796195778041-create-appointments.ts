import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * Offices (Standorte) with their services, hours and counters; appointments with
 * their holds; and `booked_unit`, one row per counter and grid unit an appointment
 * occupies. Its primary key is what makes a double booking impossible, whatever
 * the number of instances. See docs/appointments.md.
 */
export class CreateAppointments1796195778041 implements MigrationInterface {
  name = 'CreateAppointments1796195778041';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.office (
        id text PRIMARY KEY,
        name text NOT NULL,
        street text NOT NULL,
        house_number text,
        postal_code text NOT NULL,
        city text NOT NULL,
        ars text NOT NULL CHECK (ars ~ '^[0-9]{12}$'),
        state text NOT NULL,
        email text,
        phone text,
        counters int NOT NULL CHECK (counters BETWEEN 1 AND 100),
        slot_minutes int NOT NULL CHECK (slot_minutes BETWEEN 5 AND 120),
        lead_time_minutes int NOT NULL CHECK (lead_time_minutes >= 0),
        horizon_days int NOT NULL CHECK (horizon_days BETWEEN 1 AND 365),
        opening_hours jsonb NOT NULL,
        closing_days jsonb NOT NULL DEFAULT '[]',
        booking_system text NOT NULL DEFAULT 'builtin' CHECK (booking_system IN ('builtin', 'zms')),
        external jsonb,
        source text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${s}.office_service (
        office_id text NOT NULL REFERENCES ${s}.office (id) ON DELETE CASCADE,
        service_id text NOT NULL,
        name text NOT NULL,
        leika_key text CHECK (leika_key ~ '^[0-9]{14}$'),
        duration_minutes int NOT NULL CHECK (duration_minutes > 0),
        max_per_person int NOT NULL CHECK (max_per_person > 0),
        combinable_with text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (office_id, service_id)
      )`);
    await runner.query(`CREATE INDEX office_service_leika_idx ON ${s}.office_service (leika_key)`);
    await runner.query(`
      CREATE TABLE ${s}.office_audit (
        id uuid PRIMARY KEY,
        office_id text NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        value jsonb NOT NULL,
        at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${s}.appointment (
        id uuid PRIMARY KEY,
        office_id text NOT NULL REFERENCES ${s}.office (id),
        services jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        counter int NOT NULL,
        status text NOT NULL CHECK (status IN ('reserved', 'preconfirmed', 'confirmed', 'cancelled', 'expired', 'no_show')),
        hold_until timestamptz,
        auth_key_hash bytea NOT NULL,
        auth_failures int NOT NULL DEFAULT 0,
        auth_blocked_until timestamptz,
        citizen_name text,
        citizen_email text,
        citizen_phone text,
        ticket_number text,
        ticket_id uuid,
        call_id text,
        sequence int NOT NULL DEFAULT 0,
        external_ref jsonb,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        updated_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at)
      )`);
    await runner.query(`CREATE INDEX appointment_office_start_idx ON ${s}.appointment (office_id, starts_at)`);
    await runner.query(`CREATE INDEX appointment_hold_idx ON ${s}.appointment (hold_until) WHERE status IN ('reserved', 'preconfirmed')`);
    await runner.query(`
      CREATE TABLE ${s}.booked_unit (
        office_id text NOT NULL,
        counter int NOT NULL,
        unit_start timestamptz NOT NULL,
        appointment_id uuid NOT NULL REFERENCES ${s}.appointment (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        hold_until timestamptz,
        PRIMARY KEY (office_id, unit_start, counter)
      )`);
    await runner.query(`CREATE INDEX booked_unit_appointment_idx ON ${s}.booked_unit (appointment_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    for (const table of ['booked_unit', 'appointment', 'office_audit', 'office_service', 'office']) await runner.query(`DROP TABLE ${s}.${table}`);
  }
}
