import type { SlaClockView, TicketDetailView } from '@d115/contracts';
import { describeConflict } from '../src/screens/case/conflict';
import { slaLevel } from '../src/screens/case/sla';

const clock = (overrides: Partial<SlaClockView>): SlaClockView => ({
  metric: 'resolution',
  status: 'running',
  targetMinutes: 1440,
  elapsedMinutes: 0,
  ...overrides,
});

describe('slaLevel', () => {
  it('is ok with more than a quarter of the service hours left, a warning at a quarter, breached when used up', () => {
    expect(slaLevel(clock({ elapsedMinutes: 1000 }))).toBe('ok');
    expect(slaLevel(clock({ elapsedMinutes: 1080 }))).toBe('warning');
    expect(slaLevel(clock({ elapsedMinutes: 1440 }))).toBe('breached');
  });

  it("follows the service's own warning and breach, and a stopped clock counts as met unless it breached first", () => {
    expect(slaLevel(clock({ elapsedMinutes: 10, warnedAt: '2026-12-01T10:00:00Z' }))).toBe('warning');
    expect(slaLevel(clock({ elapsedMinutes: 10, breachedAt: '2026-12-01T10:00:00Z' }))).toBe('breached');
    expect(slaLevel(clock({ status: 'stopped', metAt: '2026-12-01T10:00:00Z', elapsedMinutes: 100 }))).toBe('met');
    expect(slaLevel(clock({ status: 'stopped', breachedAt: '2026-12-01T10:00:00Z', elapsedMinutes: 1500 }))).toBe('breached');
  });
});

describe('describeConflict', () => {
  const base = {
    id: 'c1',
    number: '115-2026-000001',
    channel: 'email',
    state: 'open',
    subject: 'Ausweis',
    priority: 0,
    queue: 'general',
    ownerAgentId: 'demo-agent',
    routingStatus: 'assigned',
    version: 3,
    createdAt: '2026-12-01T08:00:00Z',
    updatedAt: '2026-12-01T08:00:00Z',
    articles: [{ id: 'a1', kind: 'email_in', author: 'citizen', text: 'Hallo', createdAt: '2026-12-01T08:00:00Z' }],
    history: [],
    sla: [],
  } as TicketDetailView;

  it('names every changed field with old and new value and counts the timeline entries added meanwhile', () => {
    const fresh = {
      ...base,
      version: 5,
      state: 'pending_authority',
      priority: 2,
      articles: [...base.articles, { id: 'a2', kind: 'internal_note', author: 'demo-supervisor', text: 'Bitte warten', createdAt: '2026-12-01T09:00:00Z' }],
    } as TicketDetailView;
    expect(describeConflict(base, fresh)).toEqual({
      fresh,
      changes: [
        { field: 'state', from: 'open', to: 'pending_authority' },
        { field: 'priority', from: '0', to: '2' },
      ],
      newArticles: 1,
    });
  });

  it('reports no field change when only the timeline grew', () => {
    const fresh = { ...base, version: 4, articles: [...base.articles, { ...base.articles[0], id: 'a3' }] } as TicketDetailView;
    expect(describeConflict(base, fresh)).toMatchObject({ changes: [], newArticles: 1 });
  });
});
