import { ArgumentsHost, Body, Catch, Controller, ExceptionFilter, Get, HttpCode, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { D115Error } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { CitizenLookup } from '../auth/auth.decorators';
import { CitizenAppointmentsUsecase, pageFor } from './citizen-appointments.usecase';
import { CitizenPage, errorPage, PAGE_CSP } from './citizen-pages';

function send(response: FastifyReply, page: CitizenPage): void {
  response.header('Content-Security-Policy', PAGE_CSP);
  // The links carry the auth key: never cached, never indexed, never passed on as a referrer.
  response.header('Cache-Control', 'no-store');
  response.header('Referrer-Policy', 'no-referrer');
  response.header('X-Robots-Tag', 'noindex, nofollow');
  response.status(page.status).type('text/html; charset=utf-8').send(page.html);
}

/** Whatever the guard or a step throws (the rate limit, a service that is down) answered as a page, not as JSON. */
@Catch()
class CitizenPageFilter implements ExceptionFilter {
  private readonly logger = childLogger('citizen-appointments');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    const known = exception instanceof D115Error ? pageFor(exception.code) : undefined;
    if (known) return send(response, known);
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'citizen appointment page failed');
    send(response, errorPage(errorId));
  }
}

const PAGE = { status: 200, description: 'An HTML page in German', content: { 'text/html': { schema: { type: 'string' } } } };
const FORM = { type: 'object', properties: { processId: { type: 'string', format: 'uuid' }, authKey: { type: 'string' } }, required: ['processId', 'authKey'] };

/**
 * The citizen's pages behind the links in the appointment mails (no login,
 * rate-limited per address like the citizen status): look at a booking, confirm
 * it, cancel it. Looking is a GET and never changes anything; the steps are POSTs
 * of the page's own forms.
 */
@ApiTags('citizens')
@Controller('termin')
@UseFilters(CitizenPageFilter)
export class CitizenAppointmentsController {
  constructor(private readonly pages: CitizenAppointmentsUsecase) {}

  @Get('bestaetigen')
  @CitizenLookup()
  @ApiOperation({ summary: 'The booking behind the confirmation link, with the confirm button (changes nothing)' })
  @ApiProduces('text/html')
  @ApiResponse(PAGE)
  async showConfirm(@Query() query: Record<string, unknown>, @Res() response: FastifyReply): Promise<void> {
    send(response, await this.pages.show(query, 'bestaetigen'));
  }

  @Post('bestaetigen')
  @HttpCode(200)
  @CitizenLookup()
  @ApiOperation({ summary: 'Confirm the booking (form post of processId and authKey)' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: FORM })
  @ApiProduces('text/html')
  @ApiResponse(PAGE)
  async confirm(@Body() form: Record<string, unknown>, @Res() response: FastifyReply): Promise<void> {
    send(response, await this.pages.confirm(form ?? {}));
  }

  @Get('absagen')
  @CitizenLookup()
  @ApiOperation({ summary: 'The booking with the cancel button, or a form for process id and auth key (changes nothing)' })
  @ApiProduces('text/html')
  @ApiResponse(PAGE)
  async showCancel(@Query() query: Record<string, unknown>, @Res() response: FastifyReply): Promise<void> {
    send(response, await this.pages.show(query, 'absagen'));
  }

  @Post('absagen')
  @HttpCode(200)
  @CitizenLookup()
  @ApiOperation({ summary: 'Cancel the booking (form post of processId and authKey)' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: FORM })
  @ApiProduces('text/html')
  @ApiResponse(PAGE)
  async cancel(@Body() form: Record<string, unknown>, @Res() response: FastifyReply): Promise<void> {
    send(response, await this.pages.cancel(form ?? {}));
  }
}
