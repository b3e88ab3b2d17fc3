import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';

export const IMPORT_FORMATS = ['xzufi', 'dldb-services', 'dldb-locations', 'd115'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export class ImportCounts {
  @IsInt() @Min(0) services!: number;
  @IsInt() @Min(0) organisationUnits!: number;
  @IsInt() @Min(0) responsibilities!: number;
  @IsInt() @Min(0) rejected!: number;
}

/** One record an import did not apply, and why. */
export interface RejectedRecord {
  /** What it was: `service`, `organisationUnit`, `responsibility`, `file`. */
  kind: string;
  /** Its id in the source when known. */
  sourceId?: string;
  /** Where: `line 12, column 4` (XML) or a JSON path such as `data[3]`. */
  position?: string;
  reason: string;
}

/** What `npm run knowledge -- import` prints and the import use case returns. */
export interface ImportReport {
  runId: string;
  file: string;
  format: ImportFormat;
  source: string;
  /** `completed`; `partial` when the file ended early or was malformed after some records. */
  status: 'completed' | 'partial';
  applied: ImportCounts;
  rejected: RejectedRecord[];
  /** Rejections beyond the ones listed (the report keeps the first 1,000). */
  rejectedNotListed: number;
  startedAt: string;
  finishedAt: string;
}

/** `d115.events.knowledge.catalogue.imported`: the counts of a finished import run. */
export class CatalogueImportedEvent {
  @IsUUID() runId!: string;
  @IsIn(IMPORT_FORMATS) format!: ImportFormat;
  @IsString() source!: string;
  @IsString() file!: string;
  @IsIn(['completed', 'partial']) status!: 'completed' | 'partial';
  @ValidateNested() @Type(() => ImportCounts) applied!: ImportCounts;
  @IsISO8601() startedAt!: string;
  @IsISO8601() finishedAt!: string;
  /** LeiKa keys of the services the run touched (at most 1,000; absent when there were more). */
  @IsOptional() @IsArray() @IsString({ each: true }) leikaKeys?: string[];
}
