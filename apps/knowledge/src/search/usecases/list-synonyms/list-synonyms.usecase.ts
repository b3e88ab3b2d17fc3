import { Injectable } from '@nestjs/common';
import { ListSynonymsReply, ListSynonymsRequest } from '@d115/contracts';
import { SynonymsRepository } from '../../synonyms/synonyms.repository';

/** `d115.knowledge.synonym.list`. */
@Injectable()
export class ListSynonymsUsecase {
  constructor(private readonly synonyms: SynonymsRepository) {}

  async execute(request: ListSynonymsRequest): Promise<ListSynonymsReply> {
    return { synonyms: await this.synonyms.list(request.contains) };
  }
}
