import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { AttachmentChunkReply, D115Error, MailErrorCode, MailSubjects, TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal, scopeOf } from '../auth/principal';
import { CaseRef, UuidParam } from '../http/path-params';
import { takeOver } from '../http/raw-response';

/** Types a browser may show in the page; anything else is only ever a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']);

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266) with a plain-ASCII fallback name. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'attachment';
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * A file of a case's mail. The case is read first (audited as the user, within their
 * municipalities — out of scope is 404), the file must belong to one of its articles,
 * then the mail service's pieces are streamed through, so a large file never sits
 * in the gateway's memory whole.
 */
@ApiTags('cases')
@Controller('api/v1/cases')
@Roles('agent', 'supervisor')
export class CaseAttachmentsController {
  constructor(private readonly requests: RequestClient) {}

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment of the case (images, PDF and text may be shown inline with ?inline=true)' })
  @ApiQuery({ name: 'inline', required: false, schema: { type: 'boolean' } })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  async download(
    @CurrentUser() user: Principal,
    @CaseRef() ref: { ticketId?: string; number?: string },
    @UuidParam('attachmentId') attachmentId: string,
    @Query('inline') inline: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const ticket = await this.requests.request(TicketSubjects.get, { ...ref, actor: user.id, scope: scopeOf(user) });
    if (!ticket.articles.some((article) => article.attachmentIds?.includes(attachmentId))) {
      throw new D115Error(MailErrorCode.ATTACHMENT_NOT_FOUND, `case ${ticket.number} has no attachment ${attachmentId}`);
    }
    let piece: AttachmentChunkReply = await this.requests.request(MailSubjects.attachmentGet, { id: attachmentId, offset: 0, actor: user.id });
    const shown = inline === 'true' && INLINE_TYPES.has(piece.contentType.toLowerCase());
    const response = takeOver(reply);
    response.setHeader('Content-Type', shown ? piece.contentType : 'application/octet-stream');
    response.setHeader('Content-Length', String(piece.size));
    response.setHeader('Content-Disposition', contentDisposition(shown ? 'inline' : 'attachment', piece.filename));
    response.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Digest', `sha-256=${Buffer.from(piece.sha256, 'hex').toString('base64')}`);
    try {
      for (;;) {
        const bytes = Buffer.from(piece.content, 'base64');
        if (bytes.length > 0 && !response.write(bytes)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
        if (piece.last || bytes.length === 0 || response.destroyed) break;
        piece = await this.requests.request(MailSubjects.attachmentGet, { id: attachmentId, offset: piece.offset + bytes.length, actor: user.id });
      }
      response.end();
    } catch {
      // The status line is out: a broken download is a cut connection (the client sees fewer bytes than Content-Length).
      response.destroy();
    }
  }
}
