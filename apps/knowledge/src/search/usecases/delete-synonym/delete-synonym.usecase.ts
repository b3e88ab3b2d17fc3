import { Injectable } from '@nestjs/common';
import { DeleteSynonymReply, DeleteSynonymRequest } from '@d115/contracts';
import { normalisePhrase } from '../../synonyms/shipped-synonyms';
import { SynonymsRepository } from '../../synonyms/synonyms.repository';

/** `d115.knowledge.synonym.delete`: audited; a deleted shipped line stays deleted when the data file is seeded again. */
@Injectable()
export class DeleteSynonymUsecase {
  constructor(private readonly synonyms: SynonymsRepository) {}

  async execute(request: DeleteSynonymRequest): Promise<DeleteSynonymReply> {
    const phrase = normalisePhrase(request.phrase);
    return { phrase, deleted: await this.synonyms.delete(phrase, request.actor) };
  }
}
