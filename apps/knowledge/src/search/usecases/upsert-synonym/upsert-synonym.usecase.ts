import { Injectable } from '@nestjs/common';
import { KnowledgeErrorCode, SynonymView, UpsertSynonymRequest } from '@d115/contracts';
import { KnowledgeException } from '../../../shared/knowledge.exception';
import { normalisePhrase } from '../../synonyms/shipped-synonyms';
import { SynonymsRepository } from '../../synonyms/synonyms.repository';

/**
 * `d115.knowledge.synonym.upsert`: adds or replaces a line of the synonym table,
 * audited with the actor; the next search uses it (the derived expansion rows
 * are written in the same transaction).
 */
@Injectable()
export class UpsertSynonymUsecase {
  constructor(private readonly synonyms: SynonymsRepository) {}

  async execute(request: UpsertSynonymRequest): Promise<SynonymView> {
    const phrase = normalisePhrase(request.phrase);
    const expansions = [...new Set(request.expansions.map((expansion) => expansion.replace(/\s+/g, ' ').trim()).filter(Boolean))];
    if (expansions.length === 0 || !(await this.synonyms.keyOf(phrase)))
      throw new KnowledgeException(KnowledgeErrorCode.SYNONYM_EMPTY, `"${request.phrase}" has no word the search would look up, or no expansions`);
    return this.synonyms.upsert({ phrase, expansions, kind: request.kind ?? 'synonym' }, request.actor);
  }
}
