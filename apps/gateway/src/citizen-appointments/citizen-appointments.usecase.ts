import { Injectable } from '@nestjs/common';
import { AppointmentErrorCode, AppointmentSubjects, D115Error, ErrorCode, GatewayErrorCode } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import {
  alreadyCancelledPage,
  appointmentPage,
  cancelFormPage,
  cancelledPage,
  CitizenPage,
  confirmedPage,
  notChangeablePage,
  notFoundPage,
  PageAction,
  tooManyAttemptsPage,
  unavailablePage,
} from './citizen-pages';

/** Who the appointments service records for the citizen's own steps. */
const CITIZEN_ACTOR = 'citizen:link';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CitizenKey {
  processId: string;
  authKey: string;
}

/** What came in as a key, if it can be one (the contract's limits); anything else reads as an unknown booking. */
export function citizenKey(input: Record<string, unknown> | undefined): CitizenKey | undefined {
  const processId = typeof input?.processId === 'string' ? input.processId.trim() : '';
  const authKey = typeof input?.authKey === 'string' ? input.authKey.trim() : '';
  if (!UUID.test(processId) || authKey.length < 8 || authKey.length > 200) return undefined;
  return { processId: processId.toLowerCase(), authKey };
}

/**
 * The citizen's pages for a booking, by process id and auth key, without a login.
 * Looking (GET) never changes anything — mail scanners and link prefetchers follow
 * links; confirming and cancelling are POSTs. An unknown booking, a wrong key and a
 * lapsed hold get the same page.
 */
@Injectable()
export class CitizenAppointmentsUsecase {
  constructor(private readonly requests: RequestClient) {}

  async show(input: Record<string, unknown>, purpose: PageAction): Promise<CitizenPage> {
    if (purpose === 'absagen' && input.processId === undefined && input.authKey === undefined) return cancelFormPage();
    const key = citizenKey(input);
    if (!key) return notFoundPage();
    return this.answer(async () => appointmentPage(await this.requests.request(AppointmentSubjects.get, { ...key, actor: CITIZEN_ACTOR }), key, purpose));
  }

  async confirm(input: Record<string, unknown>): Promise<CitizenPage> {
    const key = citizenKey(input);
    if (!key) return notFoundPage();
    return this.answer(async () => confirmedPage(await this.requests.request(AppointmentSubjects.confirm, { ...key, actor: CITIZEN_ACTOR })));
  }

  async cancel(input: Record<string, unknown>): Promise<CitizenPage> {
    const key = citizenKey(input);
    if (!key) return notFoundPage();
    return this.answer(async () =>
      cancelledPage(await this.requests.request(AppointmentSubjects.cancel, { ...key, actor: CITIZEN_ACTOR, reason: 'vom Bürger abgesagt' })),
    );
  }

  /** The service's coded refusals as pages; anything unexpected goes on to the page filter. */
  private async answer(step: () => Promise<CitizenPage>): Promise<CitizenPage> {
    try {
      return await step();
    } catch (error) {
      const page = error instanceof D115Error ? pageFor(error.code) : undefined;
      if (!page) throw error;
      return page;
    }
  }
}

/** The page of a coded refusal; undefined for codes no citizen step should meet (they are errors). */
export function pageFor(code: string): CitizenPage | undefined {
  switch (code) {
    case AppointmentErrorCode.NOT_FOUND:
    case AppointmentErrorCode.WRONG_AUTH_KEY:
    case AppointmentErrorCode.HOLD_EXPIRED:
    case ErrorCode.VALIDATION_FAILED:
      return notFoundPage();
    case AppointmentErrorCode.TOO_MANY_ATTEMPTS:
    case GatewayErrorCode.RATE_LIMITED:
      return tooManyAttemptsPage();
    case AppointmentErrorCode.ALREADY_CANCELLED:
      return alreadyCancelledPage();
    case AppointmentErrorCode.ILLEGAL_STATE:
    case AppointmentErrorCode.CONTACT_REQUIRED:
      return notChangeablePage();
    case ErrorCode.SERVICE_UNAVAILABLE:
    case ErrorCode.REQUEST_TIMEOUT:
    case AppointmentErrorCode.EXTERNAL_UNAVAILABLE:
    case AppointmentErrorCode.EXTERNAL_REJECTED:
      return unavailablePage();
    default:
      return undefined;
  }
}
