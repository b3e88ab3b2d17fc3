import { KnowledgeSubjects, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { RequestClient } from '@d115/messaging';
import { DemoSigningKey } from '../../apps/gateway/src/auth/demo-signing-key';
import { BenchHttpClient } from './http-client';

/** One request measured both ways: through the gateway over HTTP and directly over NATS. */
export interface BenchOperation {
  name: string;
  http(client: BenchHttpClient): Promise<void>;
  nats(): Promise<void>;
}

interface Setup {
  client: RequestClient;
  key: DemoSigningKey;
  /** Requests each path is sent in all, each way (warm-up, one at a time, timed run): take next takes as many cases. */
  requests: number;
  concurrency: number;
}

const SCOPE = ['13'];

/** What agents type into the search on the phone (the Rostock demo catalogue answers them). */
const SEARCHES = ['Personalausweis beantragen', 'Wohnsitz ummelden', 'Reisepass', 'Führerschein verloren', 'Hund anmelden', 'Geburtsurkunde'];

/** Seeds cases and agents, and names the measured requests: GET case, take next and knowledge search. */
export async function benchOperations({ client, key, requests, concurrency }: Setup): Promise<BenchOperation[]> {
  const actor = 'system:bench';
  const readable: string[] = [];
  for (let i = 0; i < 200; i++) {
    readable.push((await client.request(TicketSubjects.create, { actor, channel: 'letter', subject: `Lesefall ${i}`, ars: '130030000000' })).id);
  }
  const agents = Array.from({ length: Math.max(2, concurrency) }, (_, i) => `bench-agent-${i}`);
  for (const agentId of agents) {
    await client.request(TicketSubjects.agentUpsert, {
      actor,
      agentId,
      name: agentId,
      skills: {},
      capacity: { email: 1000 },
      queues: ['general'],
      presence: 'busy',
    });
  }
  // every take-next request each way takes a case; a few spare
  const waiting = 2 * requests + 200;
  for (let i = 0; i < waiting; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, waiting - i) }, (_, j) =>
        client.request(TicketSubjects.create, { actor, channel: 'email', subject: `Wartend ${i + j}`, ars: '130030000000' }),
      ),
    );
  }
  const agentToken = await key.sign({ id: 'bench-reader', name: 'Reader', roles: ['agent'], ars: SCOPE }, 'd115', 3600);
  const tokens = await Promise.all(agents.map((id) => key.sign({ id, name: id, roles: ['agent'], ars: SCOPE }, 'd115', 3600)));
  let pick = 0;
  const anyCase = () => readable[pick++ % readable.length];
  let turn = 0;
  let asked = 0;
  const nextSearch = () => SEARCHES[asked++ % SEARCHES.length];
  await waitFor(
    () => client.request(KnowledgeSubjects.search, { query: SEARCHES[0] }).then((reply) => (reply.hits.length > 0 ? true : undefined)),
    'the demo catalogue in the search',
    { timeoutMs: 60000 },
  );
  const nextAgent = () => turn++ % agents.length;
  return [
    {
      name: 'GET case',
      http: async (http) => void (await http.send('GET', `/api/v1/cases/${anyCase()}`, agentToken)),
      nats: async () => void (await client.request(TicketSubjects.get, { actor: 'bench-reader', ticketId: anyCase(), scope: SCOPE })),
    },
    {
      name: 'take next',
      http: async (http) => void (await http.send('POST', '/api/v1/me/take-next', tokens[nextAgent()])),
      nats: async () => {
        const agentId = agents[nextAgent()];
        await client.request(TicketSubjects.takeNext, { actor: agentId, agentId });
      },
    },
    {
      name: 'search',
      http: async (http) => void (await http.send('GET', `/api/v1/knowledge/search?query=${encodeURIComponent(nextSearch())}`, agentToken)),
      nats: async () => void (await client.request(KnowledgeSubjects.search, { query: nextSearch() })),
    },
  ];
}
