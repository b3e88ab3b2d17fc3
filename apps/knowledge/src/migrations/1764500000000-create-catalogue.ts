import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@d115/database';

/**
 * The catalogue: services (Leistungen) with their text modules as one jsonb of
 * named modules, organisation units, responsibilities per region, and the
 * import runs with their rejected records. See docs/knowledge.md.
 */
export class CreateCatalogue1764500000000 implements MigrationInterface {
  name = 'CreateCatalogue1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    await runner.query(`
      CREATE TABLE ${s}.service (
        id uuid PRIMARY KEY,
        -- the natural key: the LeiKa key, else "<source>:<sourceId>"
        catalogue_key text NOT NULL UNIQUE,
        leika_key text UNIQUE CHECK (leika_key ~ '^[0-9]{14}$'),
        source text NOT NULL,
        source_id text NOT NULL,
        name text NOT NULL,
        synonyms text[] NOT NULL DEFAULT '{}',
        keywords text[] NOT NULL DEFAULT '{}',
        modules jsonb NOT NULL DEFAULT '{}',
        online_services jsonb NOT NULL DEFAULT '[]',
        appointment_bookable boolean NOT NULL DEFAULT false,
        valid_from date,
        valid_until date,
        -- name, synonyms, keywords and the plain text of every module: what search will index
        plain_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX service_source_idx ON ${s}.service (source, source_id)`);
    await runner.query(`
      CREATE TABLE ${s}.organisation_unit (
        id uuid PRIMARY KEY,
        catalogue_key text NOT NULL UNIQUE,
        source text NOT NULL,
        source_id text NOT NULL,
        name text NOT NULL,
        email text,
        phone text,
        address jsonb,
        address_text text,
        opening_hours jsonb NOT NULL DEFAULT '[]',
        opening_hours_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // region_prefix: the ARS without the trailing zero levels; a responsibility covers
    // every ARS that starts with it, the longest matching prefix wins.
    await runner.query(`
      CREATE TABLE ${s}.responsibility (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL REFERENCES ${s}.service (id) ON DELETE CASCADE,
        organisation_unit_id uuid NOT NULL REFERENCES ${s}.organisation_unit (id) ON DELETE CASCADE,
        region_ars text NOT NULL CHECK (region_ars ~ '^[0-9]{12}$'),
        region_prefix text NOT NULL CHECK (region_prefix ~ '^[0-9]{2,12}$'),
        source text NOT NULL,
        appointment_bookable boolean,
        appointment_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (service_id, organisation_unit_id, region_ars)
      )`);
    await runner.query(`CREATE INDEX responsibility_lookup_idx ON ${s}.responsibility (service_id, region_prefix text_pattern_ops)`);
    await runner.query(`CREATE INDEX responsibility_unit_idx ON ${s}.responsibility (organisation_unit_id)`);
    await runner.query(`
      CREATE TABLE ${s}.import_run (
        id uuid PRIMARY KEY,
        file text NOT NULL,
        format text NOT NULL,
        source text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'partial', 'failed')),
        applied jsonb NOT NULL DEFAULT '{}',
        rejected_count int NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE ${s}.import_rejection (
        seq bigserial PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES ${s}.import_run (id) ON DELETE CASCADE,
        kind text NOT NULL,
        source_id text,
        position text,
        reason text NOT NULL
      )`);
    await runner.query(`CREATE INDEX import_rejection_run_idx ON ${s}.import_rejection (run_id, seq)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = migrationSchema(runner);
    for (const table of ['import_rejection', 'import_run', 'responsibility', 'organisation_unit', 'service']) await runner.query(`DROP TABLE ${s}.${table}`);
  }
}
