import { eventSubject, requestSubject } from '../common/subjects';

/** Request/reply subjects the knowledge service answers (queue group `knowledge`). */
export const KnowledgeSubjects = {
  /** Who is responsible (Zuständigkeit) for Leistung K in region R. */
  findResponsibleAuthority: requestSubject('knowledge', 'responsible-authority.find'),
  /** A Leistungsbeschreibung with the office responsible for a region. */
  getService: requestSubject('knowledge', 'service.get'),
} as const;

export const KnowledgeEvents = {
  /** An import run finished (also when it rejected records). */
  catalogueImported: eventSubject('knowledge', 'catalogue', 'imported'),
} as const;

/** Error codes of the knowledge service (`AREA.REASON`). */
export enum KnowledgeErrorCode {
  SERVICE_NOT_FOUND = 'SERVICE.NOT_FOUND',
}
