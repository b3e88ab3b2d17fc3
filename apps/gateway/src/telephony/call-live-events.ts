import { Injectable, OnModuleInit } from '@nestjs/common';
import { CallEventData, TelephonyEvents } from '@d115/contracts';
import { EventTranslations } from '../events/event-audience';

const STATES = {
  [TelephonyEvents.callOffered]: 'offered',
  [TelephonyEvents.callAnswered]: 'answered',
  [TelephonyEvents.callEnded]: 'ended',
} as const;

/**
 * Telephony's `call.offered` / `call.answered` / `call.ended` as the live event
 * `call.changed` for supervisors, so that the wallboard's call tiles (calls waiting, the
 * longest wait, the service level) follow a call as it happens instead of on the next
 * `wallboard.figures`. Only the call's id, queue, state and times travel — no number,
 * no pseudonym.
 */
@Injectable()
export class CallLiveEvents implements OnModuleInit {
  constructor(private readonly translations: EventTranslations) {}

  onModuleInit(): void {
    for (const [subject, state] of Object.entries(STATES))
      this.translations.add(subject, (call: CallEventData) => ({
        event: 'call.changed',
        data: {
          callId: call.callId,
          state,
          queue: call.queue ?? null,
          offeredAt: call.offeredAt,
          answeredAt: call.answeredAt ?? null,
          endedAt: call.endedAt ?? null,
          outcome: call.outcome ?? null,
        },
        audience: { supervisors: true },
      }));
  }
}
