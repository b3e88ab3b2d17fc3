import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeleteSynonymReply,
  DeleteSynonymRequest,
  KnowledgeSubjects,
  ListSynonymsReply,
  ListSynonymsRequest,
  SynonymView,
  UpsertSynonymRequest,
} from '@d115/contracts';
import { DeleteSynonymUsecase } from './usecases/delete-synonym/delete-synonym.usecase';
import { ListSynonymsUsecase } from './usecases/list-synonyms/list-synonyms.usecase';
import { UpsertSynonymUsecase } from './usecases/upsert-synonym/upsert-synonym.usecase';

@Controller()
export class SynonymsController {
  constructor(
    private readonly listSynonyms: ListSynonymsUsecase,
    private readonly upsertSynonym: UpsertSynonymUsecase,
    private readonly deleteSynonym: DeleteSynonymUsecase,
  ) {}

  @MessagePattern(KnowledgeSubjects.listSynonyms)
  list(@Payload() request: ListSynonymsRequest): Promise<ListSynonymsReply> {
    return this.listSynonyms.execute(request);
  }

  @MessagePattern(KnowledgeSubjects.upsertSynonym)
  upsert(@Payload() request: UpsertSynonymRequest): Promise<SynonymView> {
    return this.upsertSynonym.execute(request);
  }

  @MessagePattern(KnowledgeSubjects.deleteSynonym)
  delete(@Payload() request: DeleteSynonymRequest): Promise<DeleteSynonymReply> {
    return this.deleteSynonym.execute(request);
  }
}
