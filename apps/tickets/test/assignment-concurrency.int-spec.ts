import { D115Error, TicketErrorCode, TicketEvents, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { mail, MAIL_RECEIVED, publishEvent } from './support/events';
import { TicketsKit } from './support/tickets-kit';

const ADMIN = 'system:admin';
const AGENTS = 30;
const CASES_BY_REQUEST = 200;
const CASES_BY_MAIL = 100;

/** Capacity used per agent and channel that exceeds capacity, in one snapshot. */
const OVER_CAPACITY = `
  WITH held AS (
    SELECT agent_id, channel, count(*) AS n FROM tickets.reservation WHERE status = 'pending' GROUP BY 1, 2
    UNION ALL
    SELECT owner_agent_id, channel, count(*) FROM tickets.ticket WHERE routing_status = 'assigned' AND state IN ('new', 'open') GROUP BY 1, 2
  )
  SELECT h.agent_id, h.channel, sum(h.n)::int AS used, coalesce((a.capacity ->> h.channel)::int, 0) AS capacity
  FROM held h JOIN tickets.agent a ON a.id = h.agent_id
  GROUP BY h.agent_id, h.channel, a.capacity
  HAVING sum(h.n) > coalesce((a.capacity ->> h.channel)::int, 0)`;

/** Cases held by two agents at once (two open offers, or an offer on an assigned case), in one snapshot. */
const DOUBLE_HELD = `
  SELECT t.id, t.routing_status, (SELECT count(*) FROM tickets.reservation r WHERE r.ticket_id = t.id AND r.status = 'pending')::int AS offers
  FROM tickets.ticket t
  WHERE (SELECT count(*) FROM tickets.reservation r WHERE r.ticket_id = t.id AND r.status = 'pending') > CASE WHEN t.routing_status = 'reserved' THEN 1 ELSE 0 END
     OR (t.routing_status = 'reserved' AND NOT EXISTS (SELECT 1 FROM tickets.reservation r WHERE r.ticket_id = t.id AND r.status = 'pending'))`;

/** Agents whose load counter differs from what they really hold, in one snapshot. */
const COUNTER_DRIFT = `
  WITH held AS (
    SELECT agent_id, channel FROM tickets.reservation WHERE status = 'pending'
    UNION ALL
    SELECT owner_agent_id, channel FROM tickets.ticket WHERE routing_status = 'assigned' AND state IN ('new', 'open')
  ), real AS (SELECT agent_id, channel, count(*)::int AS n FROM held GROUP BY 1, 2)
  SELECT a.id, c.key AS channel, coalesce((a.load ->> c.key)::int, 0) AS counter, coalesce(r.n, 0) AS held
  FROM tickets.agent a CROSS JOIN LATERAL jsonb_each(a.capacity) c
  LEFT JOIN real r ON r.agent_id = a.id AND r.channel = c.key
  WHERE coalesce((a.load ->> c.key)::int, 0) <> coalesce(r.n, 0)`;

/**
 * The proof the issue asks for: three instances of the service on one database,
 * many agents and cases at once. No case is ever held by two agents, no agent
 * ever exceeds capacity, and every case reaches an agent.
 */
describe('tickets: assignment under concurrency, three instances', () => {
  let kit: TicketsKit;
  const violations: string[] = [];
  let sampling = true;
  let samples = 0;

  beforeAll(async () => {
    kit = await TicketsKit.create();
    for (let i = 0; i < 3; i++) await kit.start({ DATABASE_POOL_SIZE: '6', TICKETS_SCHEDULER_TICK_MS: '50', TICKETS_DECLINE_COOLDOWN_S: '1' });
    await kit.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId: 'general', name: 'Allgemein', reservationTimeoutSeconds: 1 });
    await kit.request(TicketSubjects.queueUpsert, { actor: ADMIN, queueId: 'kfz', name: 'Kfz', targetExpression: 'kfz >= 1', reservationTimeoutSeconds: 1 });
    await kit.request(TicketSubjects.queueUpsert, {
      actor: ADMIN,
      queueId: 'rare',
      name: 'Plattdeutsch',
      targetExpression: 'lang.nds >= 2',
      reservationTimeoutSeconds: 1,
    });
    await kit.request(TicketSubjects.ruleUpsert, { actor: ADMIN, name: 'Kfz', position: 1, when: { keywords: ['kfz'] }, queue: 'kfz' });
    await kit.request(TicketSubjects.ruleUpsert, { actor: ADMIN, name: 'Platt', position: 2, when: { keywords: ['moin'] }, queue: 'rare' });
  });

  afterAll(async () => {
    sampling = false;
    await kit.dispose();
  });

  async function sample(): Promise<void> {
    while (sampling) {
      const [over, doubled, drift] = await Promise.all([kit.sql.query(OVER_CAPACITY), kit.sql.query(DOUBLE_HELD), kit.sql.query(COUNTER_DRIFT)]);
      for (const row of over.rows) violations.push(`over capacity: ${JSON.stringify(row)}`);
      for (const row of doubled.rows) violations.push(`held twice: ${JSON.stringify(row)}`);
      for (const row of drift.rows) violations.push(`counter drift: ${JSON.stringify(row)}`);
      samples++;
    }
  }

  /** An agent at the console: accepts most offers, rejects some, ignores some (they expire), takes next, answers. */
  async function work(agentId: string, index: number, until: () => boolean): Promise<void> {
    let turn = 0;
    await waitFor(
      async () => {
        turn++;
        const offers = await kit.request(TicketSubjects.reservationList, { actor: agentId, agentId });
        for (const offer of offers) {
          const choice = (turn + index + offer.number.length) % 10;
          if (choice === 0) continue; // ignored: expires
          if (choice === 1) {
            await kit.request(TicketSubjects.reservationReject, { actor: agentId, reservationId: offer.id }).catch(expectConflict);
            continue;
          }
          const ticket = await kit.request(TicketSubjects.reservationAccept, { actor: agentId, reservationId: offer.id }).catch(expectConflict);
          if (ticket) await answer(agentId, ticket.id);
        }
        if (turn % 3 === index % 3) {
          const { ticket } = await kit.request(TicketSubjects.takeNext, { actor: agentId, agentId });
          if (ticket) await answer(agentId, ticket.id);
        }
        return until();
      },
      `${agentId} done`,
      { timeoutMs: 150_000, intervalMs: 25 },
    );
  }

  const answer = (agentId: string, ticketId: string) =>
    kit.request(TicketSubjects.reply, { actor: agentId, ticketId, channel: 'letter', text: 'Beantwortet.' });

  function expectConflict(error: unknown): undefined {
    if (error instanceof D115Error && error.code === TicketErrorCode.RESERVATION_CONFLICT) return undefined;
    throw error;
  }

  it('never double-assigns, never exceeds capacity, and serves every case', async () => {
    for (let i = 0; i < AGENTS; i++) {
      const skills: Record<string, number> = i % 2 === 0 ? { kfz: 1 + (i % 3) } : {};
      if (i === 7) skills['lang.nds'] = 3; // the only agent for the rare queue
      await kit.request(TicketSubjects.agentUpsert, {
        actor: ADMIN,
        agentId: `agent-${i}`,
        name: `Agent ${i}`,
        skills,
        capacity: { email: 1 + (i % 3), phone: 1, letter: 1 },
        queues: i === 7 ? ['general', 'kfz', 'rare'] : i % 2 === 0 ? ['general', 'kfz'] : ['general'],
        presence: 'available',
      });
    }
    const sampler = sample();

    // Cases arrive at once: requests spread over the three instances by the queue group, mails over their shared consumer.
    const channels = ['email', 'phone', 'letter'] as const;
    const requests = Array.from({ length: CASES_BY_REQUEST }, (_, i) =>
      kit.request(TicketSubjects.create, {
        actor: 'system:gateway',
        channel: channels[i % 3],
        subject: i % 4 === 0 ? `Kfz-Frage ${i}` : i === 99 ? 'Moin, ik heff en Fraag' : `Frage ${i}`,
        priority: i % 5,
      }),
    );
    const js = kit.nc.jetstream();
    const mails = Array.from({ length: CASES_BY_MAIL }, (_, i) =>
      publishEvent(js, kit.env.namespace, MAIL_RECEIVED, mail({ subject: `Mail ${i}` }), '/d115/mail'),
    );
    const total = CASES_BY_REQUEST + CASES_BY_MAIL;
    const answered = async () => kit.count("SELECT count(*) FROM tickets.ticket WHERE state = 'answered'");
    let done = false;
    const agents = Array.from({ length: AGENTS }, (_, i) => work(`agent-${i}`, i, () => done));
    await Promise.all([...requests, ...mails]);

    await waitFor(async () => (await answered()) === total, `all ${total} cases answered`, { timeoutMs: 150_000, intervalMs: 100 }).catch(async (error) => {
      const { rows } = await kit.sql.query('SELECT state, routing_status, queue_id, channel, count(*)::int FROM tickets.ticket GROUP BY 1, 2, 3, 4');
      throw new Error(`${(error as Error).message}; cases: ${JSON.stringify(rows)}`);
    });
    done = true;
    await Promise.all(agents);
    sampling = false;
    await sampler;

    expect(samples).toBeGreaterThan(20);
    expect(violations).toEqual([]);
    // Each case was assigned exactly once (by an accepted offer or take next), to one agent.
    const { rows } = await kit.sql.query(
      `SELECT envelope->'data'->>'ticketId' AS ticket, count(*)::int AS n, count(DISTINCT envelope->'data'->>'agentId')::int AS agents
       FROM tickets.outbox WHERE subject = $1 GROUP BY 1`,
      [TicketEvents.assigned],
    );
    expect(rows).toHaveLength(total);
    expect(rows.filter((row) => row.n !== 1 || row.agents !== 1)).toEqual([]);
    expect(await kit.count("SELECT count(*) FROM tickets.reservation WHERE status = 'accepted'")).toBe(
      await kit.count("SELECT count(*) FROM tickets.outbox WHERE subject = $1 AND envelope->'data'->>'via' = 'reservation'", [TicketEvents.assigned]),
    );
    // The rare case reached the one agent who may serve it.
    const rare = await kit.sql.query("SELECT owner_agent_id FROM tickets.ticket WHERE queue_id = 'rare'");
    expect(rare.rows).toEqual([{ owner_agent_id: 'agent-7' }]);
    // Offers were really contested: some expired and some were rejected along the way.
    expect(await kit.count("SELECT count(*) FROM tickets.reservation WHERE status = 'expired'")).toBeGreaterThan(0);
    expect(await kit.count("SELECT count(*) FROM tickets.reservation WHERE status = 'rejected'")).toBeGreaterThan(0);
    expect((await kit.sql.query(COUNTER_DRIFT)).rows).toEqual([]);
  }, 200_000);
});
