import { Controller, Delete, Get, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KnowledgeSubjects, ListSynonymsRequest, SearchFeedbackRequest, SearchRequest, UnansweredSearchesRequest, UpsertSynonymRequest } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { JsonBody, JsonQuery } from '../http/contract-params';
import { PatternParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

/** A phrase in the path (no slash); the knowledge service checks it is printable text. */
const PHRASE = /^[^/]{1,100}$/u;

/** German full-text search over the catalogue, and the feedback agents give on it. */
@ApiTags('knowledge')
@Controller('api/v1/knowledge/search')
@Roles('agent', 'supervisor', 'admin')
export class SearchController {
  constructor(private readonly requests: RequestClient) {}

  @Get()
  @Forwards(KnowledgeSubjects.search, { summary: 'Search the service catalogue (`query`, optionally `ars`, `online`, `limit`)' })
  search(@JsonQuery(SearchRequest) query: SearchRequest) {
    return this.requests.request(KnowledgeSubjects.search, query);
  }

  @Post('feedback')
  @Forwards(KnowledgeSubjects.searchFeedback, { summary: 'The hit chosen for a search (or that none helped)', status: HttpStatus.OK })
  feedback(@JsonBody(SearchFeedbackRequest) body: SearchFeedbackRequest) {
    return this.requests.request(KnowledgeSubjects.searchFeedback, body);
  }

  @Get('unanswered')
  @Roles('supervisor', 'admin')
  @Forwards(KnowledgeSubjects.searchUnanswered, { summary: 'Top queries of a period that found nothing or where nothing was chosen' })
  unanswered(@JsonQuery(UnansweredSearchesRequest) query: UnansweredSearchesRequest) {
    return this.requests.request(KnowledgeSubjects.searchUnanswered, query);
  }
}

/** The search's synonym and abbreviation table, for admins. */
@ApiTags('configuration')
@Controller('api/v1/config/synonyms')
@Roles('admin')
export class SynonymsController {
  constructor(private readonly requests: RequestClient) {}

  @Get()
  @Forwards(KnowledgeSubjects.listSynonyms, { summary: 'Synonyms, abbreviations and situations of the search' })
  list(@JsonQuery(ListSynonymsRequest) query: ListSynonymsRequest) {
    return this.requests.request(KnowledgeSubjects.listSynonyms, query);
  }

  @Put(':phrase')
  @Forwards(KnowledgeSubjects.upsertSynonym, { summary: 'Create or change the expansions of a phrase' })
  upsert(
    @CurrentUser() user: Principal,
    @PatternParam('phrase', PHRASE, 'a phrase of 1–100 characters') phrase: string,
    @JsonBody(UpsertSynonymRequest, ['actor', 'phrase']) body: Omit<UpsertSynonymRequest, 'actor' | 'phrase'>,
  ) {
    return this.requests.request(KnowledgeSubjects.upsertSynonym, { ...body, phrase, actor: user.id });
  }

  @Delete(':phrase')
  @Forwards(KnowledgeSubjects.deleteSynonym, { summary: 'Remove a phrase from the table' })
  remove(@CurrentUser() user: Principal, @PatternParam('phrase', PHRASE, 'a phrase of 1–100 characters') phrase: string) {
    return this.requests.request(KnowledgeSubjects.deleteSynonym, { phrase, actor: user.id });
  }
}
