import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/*
 * `d115.inbound.telephony.csta` (`TelephonyInbound.csta`): one CSTA XML document (ECMA-323,
 * any edition) per message, the body being the XML text as the CSTA server sent it; the
 * `d115-pbx` header names the telephone system it came from (CSTA call ids are unique per
 * system only).
 */

/** NATS header of an inbound CSTA message naming its telephone system. */
export const CSTA_PBX_HEADER = 'd115-pbx';

/** Largest CSTA document accepted (the TCP framing allows 64 KiB; NATS messages the same). */
export const CSTA_MAX_DOCUMENT_BYTES = 65535;

/** What the inbound CSTA consumer validates: the pbx header and the XML text. */
export class CstaInboundMessage {
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'the d115-pbx header must name the telephone system (letters, digits, "_", "-", ".")' })
  pbx!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(CSTA_MAX_DOCUMENT_BYTES)
  xml!: string;
}

/** Error and warning codes of the CSTA adapter (`AREA.REASON`). */
export enum CstaErrorCode {
  /** The document is not well-formed XML (or not a CSTA document at all). */
  XML_MALFORMED = 'CSTA.XML_MALFORMED',
  /** A TCP frame header that cannot be right (bad length, garbage between frames). */
  FRAME_INVALID = 'CSTA.FRAME_INVALID',
  /** A well-formed CSTA event that lacks what its mapping needs (no callID, say). */
  EVENT_INCOMPLETE = 'CSTA.EVENT_INCOMPLETE',
  /** An event for a call the adapter has not seen (after a restart, or out of order). */
  CALL_UNKNOWN = 'CSTA.CALL_UNKNOWN',
  /** The CSTA server refused a request (a CSTAErrorCode or an error response). */
  REQUEST_REFUSED = 'CSTA.REQUEST_REFUSED',
}
