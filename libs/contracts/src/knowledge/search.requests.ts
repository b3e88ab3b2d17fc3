import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ARS } from '../common/keys';

/** Control characters (other than tab and line breaks) mark a binary or garbled query. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const PRINTABLE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]*$/;
/** At least one letter or digit: a query of blanks and punctuation finds nothing. */
export const HAS_WORD = /[\p{L}\p{N}]/u;
export const SEARCH_QUERY_MAX_LENGTH = 500;

/** `d115.knowledge.search`: the caller's words as the agent typed them. */
export class SearchRequest {
  @IsString()
  @Length(1, SEARCH_QUERY_MAX_LENGTH)
  @Matches(PRINTABLE_TEXT, { message: 'query must be printable text (no control characters)' })
  @Matches(HAS_WORD, { message: 'query must contain a word' })
  query!: string;

  /** Only services with a responsibility covering this region (or below it). */
  @IsOptional()
  @Matches(ARS)
  ars?: string;

  /** Only services with an online service link. */
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export interface SearchHit {
  serviceId: string;
  sourceId: string;
  leika?: string;
  name: string;
  /** Plain text with the matched words between `<mark>` and `</mark>`; everything else is HTML-escaped. */
  snippet: string;
  score: number;
}

export interface SearchReply {
  /** The logged search, to report the chosen hit with `search.feedback`. */
  searchId: string;
  hits: SearchHit[];
  /** Services that matched (before `limit`). */
  total: number;
  /** The query with misspelt words replaced by catalogue words, when some were corrected. */
  didYouMean?: string;
}

/** `d115.knowledge.search.feedback`: the hit the agent chose, and whether it helped. */
export class SearchFeedbackRequest {
  @IsUUID()
  searchId!: string;

  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @IsOptional()
  @IsBoolean()
  helpful?: boolean;
}

export interface SearchFeedbackReply {
  searchId: string;
  recorded: true;
}

/** `d115.knowledge.search.unanswered`: queries that found nothing or where nothing was chosen. */
export class UnansweredSearchesRequest {
  /** ISO date-time; default 7 days ago. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}/)
  from?: string;

  /** ISO date-time; default now. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}/)
  to?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export interface UnansweredQuery {
  /** The logged (scrubbed) query, lower-cased and trimmed. */
  query: string;
  searches: number;
  /** Searches of it that found no service. */
  withoutHits: number;
  /** Searches of it with hits where no hit was chosen. */
  withoutChoice: number;
  lastAt: string;
}

export interface UnansweredSearchesReply {
  from: string;
  to: string;
  queries: UnansweredQuery[];
}

/** A line of the synonym table, as the search uses it. */
export const SYNONYM_KINDS = ['synonym', 'abbreviation', 'situation'] as const;
export type SynonymKind = (typeof SYNONYM_KINDS)[number];

export class ListSynonymsRequest {
  /** Only phrases containing this text. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  contains?: string;
}

export class UpsertSynonymRequest {
  /** What callers say: a word or a phrase ("perso", "nummernschild geklaut"). */
  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE_TEXT)
  @Matches(HAS_WORD)
  phrase!: string;

  /** What the catalogue says instead: words or phrases the search adds. */
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @Matches(HAS_WORD, { each: true })
  expansions!: string[];

  @IsOptional()
  @Matches(/^(synonym|abbreviation|situation)$/)
  kind?: SynonymKind;

  /** Who edits (agent or editor id), for the audit trail. */
  @IsString()
  @Length(1, 200)
  actor!: string;
}

export class DeleteSynonymRequest {
  @IsString()
  @Length(1, 100)
  phrase!: string;

  @IsString()
  @Length(1, 200)
  actor!: string;
}

export interface SynonymView {
  phrase: string;
  expansions: string[];
  kind: SynonymKind;
  /** `shipped` (from the data file) or `edited` (changed at run time). */
  origin: 'shipped' | 'edited';
  updatedBy?: string;
  updatedAt: string;
}

export interface ListSynonymsReply {
  synonyms: SynonymView[];
}

export interface DeleteSynonymReply {
  phrase: string;
  deleted: boolean;
}
