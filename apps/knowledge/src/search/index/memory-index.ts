import type { QueryTerm, ScoreFilter } from '../query/search.repository';
import { MemoryVocabulary } from './memory-vocabulary';

/** A term's postings: services (as document numbers), their saturated frequencies and fields, ordered by document. */
export interface PostingList {
  docs: Int32Array;
  tfn: Float32Array;
  fields: Uint8Array;
}

export interface IndexDocument {
  serviceId: string;
  nameTerms: number;
  online: boolean;
  /** Significant prefixes of the regions the service has responsibilities for. */
  regions: string[];
}

export interface ScoreBoosts {
  name: number;
  keyword: number;
  coverage: number;
}

export interface MemoryHit {
  serviceId: string;
  nameTerms: number;
  score: number;
}

/** A term in more than this share of the services (and more than COMMON_MIN) only adds to candidates of rarer terms. */
export const COMMON_SHARE = 0.05;
export const COMMON_MIN = 50;

/** Which query terms make candidates: the rare ones, or all when every term is common. */
export function candidateFlags(terms: QueryTerm[], documents: number): boolean[] {
  const cutoff = Math.max(COMMON_MIN, documents * COMMON_SHARE);
  const anyRare = terms.some((term) => term.df <= cutoff);
  return terms.map((term) => !anyRare || term.df <= cutoff);
}

interface Candidate {
  /** Best alternative's score per query group (0: group not matched). */
  groups: Float64Array;
  inName: Uint8Array;
}

/**
 * One generation of the search index held in memory: the postings of every
 * term, the documents' name lengths, flags and regions, and the vocabulary with
 * its trigrams. It ranks and corrects exactly as the SQL in SearchRepository
 * (the same BM25 parts, boosts, pruning and order; pg_trgm's similarity) without
 * a round trip; the services' texts stay in Postgres.
 */
export class MemoryIndex {
  constructor(
    readonly generation: number,
    private readonly documents: IndexDocument[],
    private readonly postings: Map<string, PostingList>,
    readonly vocabulary: MemoryVocabulary,
  ) {}

  /** Services with the term (its document frequency). */
  df(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  get size(): number {
    return this.documents.length;
  }

  score(terms: QueryTerm[], groups: number, filter: ScoreFilter, limit: number, boosts: ScoreBoosts): { hits: MemoryHit[]; total: number } {
    const makes = candidateFlags(terms, this.documents.length);
    const candidates = new Map<number, Candidate>();
    const add = (term: QueryTerm, createCandidates: boolean) => {
      const list = this.postings.get(term.term);
      if (!list) return;
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i];
        let candidate = candidates.get(doc);
        if (!candidate) {
          if (!createCandidates) continue;
          candidate = { groups: new Float64Array(groups), inName: new Uint8Array(groups) };
          candidates.set(doc, candidate);
        }
        const fields = list.fields[i];
        const value = term.weight * (list.tfn[i] + (fields & 1 ? boosts.name : 0) + (fields & 2 ? boosts.keyword : 0));
        if (value > candidate.groups[term.group]) candidate.groups[term.group] = value;
        if (fields & 1) candidate.inName[term.group] = 1;
      }
    };
    terms.forEach((term, i) => makes[i] && add(term, true));
    terms.forEach((term, i) => !makes[i] && add(term, false));

    const hits: MemoryHit[] = [];
    for (const [doc, candidate] of candidates) {
      const document = this.documents[doc];
      if (!this.passes(document, filter)) continue;
      let sum = 0;
      let matched = 0;
      let nameGroups = 0;
      for (let g = 0; g < groups; g++) {
        if (candidate.groups[g] > 0) {
          sum += candidate.groups[g];
          matched++;
        }
        nameGroups += candidate.inName[g];
      }
      const score = sum * Math.sqrt(matched / groups) + boosts.coverage * Math.min(1, nameGroups / Math.max(document.nameTerms, 1));
      hits.push({ serviceId: document.serviceId, nameTerms: document.nameTerms, score });
    }
    hits.sort((a, b) => b.score - a.score || a.nameTerms - b.nameTerms || (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0));
    return { hits: hits.slice(0, limit), total: hits.length };
  }

  /** The region filter covers the ARS asked about or lies below it (a Landkreis takes in its municipalities' offices). */
  private passes(document: IndexDocument, filter: ScoreFilter): boolean {
    if (filter.online === true && !document.online) return false;
    if (filter.ars === undefined || filter.regionPrefix === undefined) return true;
    const { ars, regionPrefix } = filter;
    return document.regions.some((prefix) => ars.startsWith(prefix) || prefix.startsWith(regionPrefix));
  }
}
