import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallAnsweredEvent, CallScreenPopEvent, eventAbout, ScreenPopCase, TelephonyEvents, TicketSubjects } from '@d115/contracts';
import { OutboxWriter, RequestClient } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { CaseLinksRepository } from '../../../case-links/case-links.repository';

/** A screen pop is useful in the first seconds only: it does not wait long for the tickets service. */
const LOOKUP_TIMEOUT_MS = 2000;

/**
 * When a call is answered, the agent's screen shows the caller's open cases, found by the
 * tickets service on the keyed pseudonym of the number (never the number itself). A withheld
 * number pops an empty list; an unanswered lookup pops one marked `casesUnavailable`. The cases
 * popped become related to the call (see the privacy job).
 */
@Injectable()
export class PopScreenUsecase {
  private readonly logger = childLogger('screen-pop');
  /** While the tickets service is away, one warning a minute rather than one per call. */
  private lastWarningAt = 0;

  constructor(
    private readonly requests: RequestClient,
    private readonly outbox: OutboxWriter,
    private readonly links: CaseLinksRepository,
  ) {}

  async execute(manager: EntityManager, call: CallAnsweredEvent): Promise<void> {
    let cases: ScreenPopCase[] = [];
    let casesUnavailable = false;
    if (call.callerPseudonym) {
      try {
        const reply = await this.requests.request(
          TicketSubjects.casesByPhone,
          { phonePseudonym: call.callerPseudonym, actor: call.agentId ?? 'system:telephony' },
          { timeoutMs: LOOKUP_TIMEOUT_MS },
        );
        cases = reply.cases;
      } catch (error) {
        casesUnavailable = true;
        if (Date.now() - this.lastWarningAt > 60_000) {
          this.lastWarningAt = Date.now();
          this.logger.warn({ err: error, callId: call.callId }, 'open cases of the caller not available for the screen pop');
        }
      }
    }
    // The caller's open cases are related to this call: its number is kept while they are open.
    await this.links.link(
      manager,
      call.callId,
      cases.map((c) => c.ticketId),
      'screen-pop',
    );
    const data: CallScreenPopEvent = {
      callId: call.callId,
      agent: call.agent ?? null,
      agentId: call.agentId ?? null,
      queue: call.queue ?? null,
      callerWithheld: call.callerWithheld,
      cases,
      casesUnavailable,
    };
    await this.outbox.append(manager, { subject: TelephonyEvents.callScreenPop, data, about: eventAbout('call', call.callId) });
  }
}
