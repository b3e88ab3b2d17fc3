import { eventSubject, requestSubject } from '../common/subjects';

/** Request/reply subjects the knowledge service answers (queue group `knowledge`). */
export const KnowledgeSubjects = {
  /** Who is responsible (Zuständigkeit) for Leistung K in region R. */
  findResponsibleAuthority: requestSubject('knowledge', 'responsible-authority.find'),
  /** A Leistungsbeschreibung with the office responsible for a region. */
  getService: requestSubject('knowledge', 'service.get'),
  /** German full-text search over the catalogue (docs/knowledge.md, "Search"). */
  search: requestSubject('knowledge', 'search'),
  /** The hit an agent chose for a logged search. */
  searchFeedback: requestSubject('knowledge', 'search.feedback'),
  /** Top queries of a period that found nothing or where nothing was chosen. */
  searchUnanswered: requestSubject('knowledge', 'search.unanswered'),
  /** The synonym and abbreviation table of the search. */
  listSynonyms: requestSubject('knowledge', 'synonym.list'),
  upsertSynonym: requestSubject('knowledge', 'synonym.upsert'),
  deleteSynonym: requestSubject('knowledge', 'synonym.delete'),
  /** Import a catalogue file the gateway streamed into the uploads object store. */
  importCatalogue: requestSubject('knowledge', 'catalogue.import'),
} as const;

export const KnowledgeEvents = {
  /** An import run finished (also when it rejected records). */
  catalogueImported: eventSubject('knowledge', 'catalogue', 'imported'),
} as const;

/** Error codes of the knowledge service (`AREA.REASON`). */
export enum KnowledgeErrorCode {
  SERVICE_NOT_FOUND = 'SERVICE.NOT_FOUND',
  SEARCH_NOT_FOUND = 'SEARCH.NOT_FOUND',
  SEARCH_UNKNOWN_SERVICE = 'SEARCH.UNKNOWN_SERVICE',
  SYNONYM_EMPTY = 'SYNONYM.EMPTY',
}
