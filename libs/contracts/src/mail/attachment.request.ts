import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';

/** The most bytes one `d115.mail.attachment.get` reply carries (base64 keeps it well under NATS' 1 MB). */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;

/**
 * `d115.mail.attachment.get`: a piece of a stored attachment, from `offset` on. A caller
 * reads a file of any size piece by piece, so neither side holds more than one piece.
 */
export class GetAttachmentRequest {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  offset?: number;

  /** At most this many bytes (default and ceiling: `ATTACHMENT_CHUNK_BYTES`); 0 asks for the description only. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(ATTACHMENT_CHUNK_BYTES)
  length?: number;

  /** Who reads it, for the log (the gateway's audited case read precedes it). */
  @IsOptional()
  @IsString()
  actor?: string;
}

export interface AttachmentChunkReply {
  id: string;
  /** The message the file came with. */
  messageId: string;
  filename: string;
  contentType: string;
  /** Size of the whole file in bytes. */
  size: number;
  sha256: string;
  offset: number;
  /** The bytes from `offset` on, base64. */
  content: string;
  /** True when this piece ends the file. */
  last: boolean;
}
