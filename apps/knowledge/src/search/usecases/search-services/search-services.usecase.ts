import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { SearchReply, SearchRequest } from '@d115/contracts';
import { Clock } from '@d115/platform';
import { significantPrefix } from '../../../catalogue/domain/ars';
import { scrubQuery } from '../../domain/scrub';
import { snippet } from '../../domain/snippet';
import { BM25 } from '../../index/ranking';
import { SearchLogRepository } from '../../log/search-log.repository';
import { QueryAnalyzer } from '../../query/query-analyzer';
import { SearchRepository } from '../../query/search.repository';
import { didYouMean } from './did-you-mean';

const DEFAULT_LIMIT = 10;

/** The text modules part of plain_text (after name, synonyms and keywords, one per line); all of it when there is nothing else. */
function descriptionText(plainText: string, headLines: number): string {
  const lines = plainText.split(' \n');
  const text = lines.length > headLines ? lines.slice(headLines).join(' ') : lines.join(' ');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `d115.knowledge.search`: the caller's words → ranked services with
 * highlighted snippets, filtered by region and online availability, and a
 * did-you-mean when words were corrected. Every search is logged, scrubbed of
 * personal data, under the id the reply returns (for `search.feedback`).
 */
@Injectable()
export class SearchServicesUsecase {
  constructor(
    private readonly analyzer: QueryAnalyzer,
    private readonly repository: SearchRepository,
    private readonly log: SearchLogRepository,
    private readonly clock: Clock,
  ) {}

  async execute(request: SearchRequest): Promise<SearchReply> {
    const analysed = await this.analyzer.analyse(request.query);
    const filter = { ars: request.ars, regionPrefix: request.ars ? significantPrefix(request.ars) : undefined, online: request.online };
    const boosts = { name: BM25.nameBoost, keyword: BM25.keywordBoost, coverage: BM25.nameCoverage };
    const ranked = await this.repository.rank(analysed.terms, analysed.groups, analysed.index, filter, request.limit ?? DEFAULT_LIMIT, boosts);
    const searchId = uuidv7();
    const matchedTerms = [...new Set(analysed.terms.map((term) => term.term))];
    // the log line, the hits' texts and the words to highlight at the same time
    const [scored, words] = await Promise.all([
      this.repository.withTexts(ranked),
      this.repository.wordsOf(matchedTerms, analysed.index),
      this.log.write({
        id: searchId,
        at: this.clock.now(),
        query: scrubQuery(request.query),
        ars: request.ars,
        online: request.online,
        total: ranked.total,
        hits: ranked.hits.map((hit) => hit.serviceId),
      }),
    ]);
    const matchedWords = new Set(words);
    const reply: SearchReply = {
      searchId,
      total: ranked.total,
      hits: scored.map((hit) => ({
        serviceId: hit.serviceId,
        sourceId: hit.sourceId,
        ...(hit.leikaKey ? { leika: hit.leikaKey } : {}),
        name: hit.name,
        snippet: snippet(descriptionText(hit.plainText, hit.headLines), matchedWords, matchedTerms),
        score: Math.round(hit.score * 1000) / 1000,
      })),
      ...(analysed.corrections.size > 0 ? { didYouMean: didYouMean(request.query, analysed.corrections) } : {}),
    };
    return reply;
  }
}
