import { bodyOf, headerValue, RawHeader, readHeaders } from './header-decoding';
import { decodeTransfer } from './transfer-encoding';

/**
 * Reads the machine-readable parts of a multipart/report straight from the raw
 * mail: the status part and the headers of the returned message. Parsers show
 * these parts as text or attachments in varying ways; the report needs them as
 * they are.
 */
export function extractReportParts(raw: Buffer, headers: RawHeader[]): { reportType: string; status?: string; originalHeaders?: RawHeader[] } | undefined {
  const contentType = headerValue(headers, 'content-type') ?? '';
  if (!/^\s*multipart\/report\b/i.test(contentType)) return undefined;
  const reportType = (/report-type\s*=\s*"?([\w.-]+)"?/i.exec(contentType)?.[1] ?? '').toLowerCase();
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  const result: { reportType: string; status?: string; originalHeaders?: RawHeader[] } = { reportType };
  if (!boundary) return result;
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const body = bodyOf(raw).toString('latin1');
  const parts = body.split(new RegExp(`^${escapeRegExp(delimiter)}(?:--)?[ \\t]*\\r?$`, 'm')).slice(1);
  for (const part of parts) {
    const partRaw = Buffer.from(part.replace(/^\r?\n/, ''), 'latin1');
    const partHeaders = readHeaders(partRaw);
    const type = (headerValue(partHeaders, 'content-type') ?? 'text/plain').toLowerCase();
    const content = decodeTransfer(bodyOf(partRaw), headerValue(partHeaders, 'content-transfer-encoding'));
    if (/^message\/(global-)?(delivery-status|disposition-notification)/.test(type)) result.status = content.toString('utf8');
    else if (/^(message\/(global|rfc822)|text\/rfc822-headers|message\/global-headers)/.test(type) && !result.originalHeaders) {
      result.originalHeaders = readHeaders(content);
    }
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
