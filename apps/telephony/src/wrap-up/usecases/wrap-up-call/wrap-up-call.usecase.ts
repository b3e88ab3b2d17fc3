import { Injectable } from '@nestjs/common';
import { CallWrappedUpEvent, D115Error, eventAbout, TelephonyErrorCode, TelephonyEvents, WrapUpCallReply, WrapUpCallRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { OutboxWriter } from '@d115/messaging';
import { Clock } from '@d115/platform';
import { CallsRepository } from '../../../calls/calls.repository';
import { CallRecord } from '../../../calls/domain/call-record';

/** Outcomes the tickets service opens a case for. */
const CASE_OUTCOMES = new Set(['callback', 'forwarded']);

/**
 * The agent records how the call ended for the citizen: once per call. The wrapped-up event
 * carries what a case needs (the tickets service opens one for a callback or a forward);
 * a callback "to the number the citizen called from" takes the stored number, which a
 * withheld or already cleared number cannot give.
 */
@Injectable()
export class WrapUpCallUsecase {
  constructor(
    private readonly transactions: Transactions,
    private readonly calls: CallsRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  execute(request: WrapUpCallRequest): Promise<WrapUpCallReply> {
    return this.transactions.run(async (manager) => {
      const call = await this.calls.findById(manager, request.callId, true);
      if (!call) throw new D115Error(TelephonyErrorCode.CALL_NOT_FOUND, `no call with id ${request.callId}`);
      const previous = await this.calls.wrapUpOf(manager, call.id);
      if (previous?.outcome) throw new D115Error(TelephonyErrorCode.CALL_ALREADY_WRAPPED_UP, `call ${call.id} was already wrapped up (${previous.outcome})`);
      const at = this.clock.now();
      const caseLinked = CASE_OUTCOMES.has(request.outcome);
      await this.calls.markWrappedUp(manager, call.id, { outcome: request.outcome, at, actor: request.actor, caseLinked });
      await this.outbox.append(manager, { subject: TelephonyEvents.callWrappedUp, data: this.event(request, call, at), about: eventAbout('call', call.id) });
      return { callId: call.id, outcome: request.outcome, wrappedUpAt: at.toISOString() };
    });
  }

  private event(request: WrapUpCallRequest, call: CallRecord, at: Date): CallWrappedUpEvent {
    const callback = request.outcome === 'callback' ? request.callback : undefined;
    let callbackNumber = callback?.preferredChannel === 'phone' ? callback.number : undefined;
    if (callback?.preferredChannel === 'phone' && callback.useCallerNumber) {
      if (!call.callerNumber) {
        throw new D115Error(TelephonyErrorCode.CALLER_NUMBER_UNAVAILABLE, `call ${call.id}: the caller's number was withheld or is no longer kept`);
      }
      callbackNumber = call.callerNumber;
    }
    return {
      callId: call.id,
      outcome: request.outcome,
      note: request.note,
      ...(callbackNumber ? { callbackNumber } : {}),
      ...(callback ? { preferredChannel: callback.preferredChannel } : {}),
      ...(callback?.preferredChannel === 'email' && callback.email ? { callbackEmail: callback.email } : {}),
      ...(request.citizenName ? { citizenName: request.citizenName } : {}),
      ...(request.leikaKey ? { leikaKey: request.leikaKey } : {}),
      ...(request.ars ? { ars: request.ars } : {}),
      agentId: call.agentId ?? request.actor,
      ...(request.language ? { language: request.language } : {}),
      endedAt: (call.endedAt ?? at).toISOString(),
    };
  }
}
