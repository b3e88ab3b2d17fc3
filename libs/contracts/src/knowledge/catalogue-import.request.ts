import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { ARS } from '../common/keys';

/**
 * The JetStream object store bucket (namespaced like a stream) where the gateway streams an
 * uploaded catalogue file before it asks the knowledge service to import it.
 */
export const CATALOGUE_UPLOADS_BUCKET = 'catalogue_uploads';

/** An object name in that bucket. */
export const UPLOAD_OBJECT = /^upload-[0-9a-f-]{36}$/;

/**
 * `d115.knowledge.catalogue.import`: import the catalogue file stored as `object` in the
 * uploads bucket. The service reads the object as a stream (never whole) and answers with
 * the import report, as `npm run knowledge -- import` prints it.
 */
export class ImportUploadedCatalogueRequest {
  @IsString()
  actor!: string;

  @Matches(UPLOAD_OBJECT)
  object!: string;

  /** The uploaded file's own name, for the report and the event (no path). */
  @IsOptional()
  @Length(1, 200)
  @Matches(/^[^/\\\0]+$/, { message: 'filename must be a name without a path' })
  filename?: string;

  /** Namespace of the records' ids; default: the file's own (d115), else `xzufi` / `dldb`. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/)
  source?: string;

  /** Region of a DLDB export. */
  @IsOptional()
  @Matches(ARS)
  ars?: string;
}
