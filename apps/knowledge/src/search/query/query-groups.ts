import { QueryTerm } from './search.repository';

/** One thing the caller said (a word, a joined pair, a phrase), with the terms that may stand for it. */
export class QueryGroup {
  readonly alternatives = new Map<string, { weight: number; df: number }>();

  add(term: string, weight: number, df: number): this {
    if (weight > 0) this.alternatives.set(term, { weight: Math.max(this.alternatives.get(term)?.weight ?? 0, weight), df });
    return this;
  }
}

/** The groups of a query in order; phrase groups are shared by key. */
export class QueryGroups {
  private readonly groups: QueryGroup[] = [];
  private readonly phrases = new Map<string, QueryGroup>();

  create(): QueryGroup {
    const group = new QueryGroup();
    this.groups.push(group);
    return group;
  }

  phrase(key: string): QueryGroup {
    let group = this.phrases.get(key);
    if (!group) this.phrases.set(key, (group = this.create()));
    return group;
  }

  /** Query terms with their group index; groups without an alternative are left out. */
  terms(): { terms: QueryTerm[]; groups: number } {
    const used = this.groups.filter((group) => group.alternatives.size > 0);
    return {
      terms: used.flatMap((group, index) => [...group.alternatives].map(([term, { weight, df }]) => ({ term, group: index, weight, df }))),
      groups: used.length,
    };
  }
}

/** The word positions a key stands for (several for a phrase). */
export function keyPositions(terms: (string | null)[], key: string): number[] {
  const parts = key.split(' ');
  const content = terms.map((term, i) => ({ term, i })).filter((entry) => entry.term !== null);
  for (let start = 0; start + parts.length <= content.length; start++)
    if (parts.every((part, n) => content[start + n].term === part)) return content.slice(start, start + parts.length).map((entry) => entry.i);
  return [];
}
