import { Client } from 'pg';
import { TestEnvironment } from '@d115/testing';

/** Proof 5: a service's role can use its own schema and nothing else. */
describe('schema isolation', () => {
  let env: TestEnvironment;
  let tickets: Client;

  beforeAll(async () => {
    env = await TestEnvironment.create(['tickets', 'mail']);
    const admin = await env.sql();
    await admin.query('CREATE TABLE mail.secret (id int PRIMARY KEY, body text)');
    await admin.query("INSERT INTO mail.secret VALUES (1, 'citizen mail')");
    await admin.query('ALTER TABLE mail.secret OWNER TO d115_test_mail');
    tickets = new Client({ connectionString: env.databaseUrl('tickets') });
    await tickets.connect();
  });

  afterAll(async () => {
    await tickets.end();
    await env.dispose();
  });

  it('lets the tickets role create and use tables in its own schema', async () => {
    await tickets.query('CREATE TABLE own (id int PRIMARY KEY)');
    await tickets.query('INSERT INTO own VALUES (1)');
    const { rows } = await tickets.query('SELECT current_schema() AS schema, count(*)::int AS c FROM tickets.own');
    expect(rows[0]).toEqual({ schema: 'tickets', c: 1 });
  });

  it.each([
    ['read', 'SELECT * FROM mail.secret'],
    ['write', "INSERT INTO mail.secret VALUES (2, 'x')"],
    ['change', "UPDATE mail.secret SET body = 'x'"],
    ['create in', 'CREATE TABLE mail.intruder (id int)'],
  ])('refuses to %s another service schema', async (_what, sql) => {
    await expect(tickets.query(sql)).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses to create schemas or objects in public', async () => {
    await expect(tickets.query('CREATE SCHEMA rogue')).rejects.toMatchObject({ code: '42501' });
    await expect(tickets.query('CREATE TABLE public.rogue (id int)')).rejects.toMatchObject({ code: '42501' });
  });
});
