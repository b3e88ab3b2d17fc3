import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CallWrappedUpEvent } from '@d115/contracts';
import { CasesRepository } from '../../../cases/cases.repository';
import { CreateTicketUsecase } from '../../../cases/usecases/create-ticket/create-ticket.usecase';

export type CallIntakeOutcome = 'resolved' | 'duplicate' | 'created';

/**
 * A wrapped-up call that was not resolved at first contact becomes a case with
 * the call note: a callback request (the citizen wants to be called back) or a
 * forward (the question goes to the responsible authority).
 */
@Injectable()
export class IntakeCallUsecase {
  constructor(
    private readonly cases: CasesRepository,
    private readonly createTicket: CreateTicketUsecase,
  ) {}

  async execute(manager: EntityManager, call: CallWrappedUpEvent): Promise<CallIntakeOutcome> {
    // Answered at first contact or handed off to appointment booking: nothing left to do.
    if (call.outcome !== 'callback' && call.outcome !== 'forwarded') return 'resolved';
    const originRef = `call:${call.callId}`;
    if (await this.cases.existsOrigin(manager, originRef)) return 'duplicate';
    const firstLine = call.note.split('\n')[0].trim().slice(0, 120);
    await this.createTicket.open(manager, {
      actor: 'system:telephony',
      channel: 'phone',
      subject: `${call.outcome === 'callback' ? 'Rückrufbitte' : 'Weiterleitung'}: ${firstLine || 'Anruf'}`,
      citizen: {
        ...(call.citizenName ? { name: call.citizenName } : {}),
        ...(call.callbackNumber ? { phone: call.callbackNumber } : {}),
        ...(call.callbackEmail ? { email: call.callbackEmail } : {}),
        ...(call.preferredChannel === 'email' && call.callbackEmail
          ? { preferredChannel: 'email' as const }
          : call.callbackNumber
            ? { preferredChannel: 'callback' as const }
            : {}),
      },
      ...(call.leikaKey ? { leikaKey: call.leikaKey } : {}),
      ...(call.ars ? { ars: call.ars } : {}),
      ...(call.language ? { language: call.language } : {}),
      originRef,
      firstArticle: { kind: 'call_note', author: call.agentId ?? 'system:telephony', body: call.note },
    });
    return 'created';
  }
}
