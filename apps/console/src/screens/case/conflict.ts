import type { TicketDetailView } from '@d115/contracts';

export interface Conflict {
  fresh: TicketDetailView;
  changes: { field: string; from: string; to: string }[];
  newArticles: number;
}

const FIELDS = ['state', 'priority', 'queue', 'ownerAgentId', 'subject', 'leikaKey', 'ars'] as const;

/** What another user changed between the version the agent edited and the current one. */
export function describeConflict(seen: TicketDetailView, fresh: TicketDetailView): Conflict {
  const changes = FIELDS.filter((field) => seen[field] !== fresh[field]).map((field) => ({
    field,
    from: String(seen[field] ?? '–'),
    to: String(fresh[field] ?? '–'),
  }));
  const known = new Set(seen.articles.map((article) => article.id));
  return { fresh, changes, newArticles: fresh.articles.filter((article) => !known.has(article.id)).length };
}
