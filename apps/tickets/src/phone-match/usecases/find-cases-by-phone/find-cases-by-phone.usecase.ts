import { Inject, Injectable } from '@nestjs/common';
import { FindCasesByPhoneReply, FindCasesByPhoneRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { Clock, ENV, PhonePseudonym } from '@d115/platform';
import { AuditRepository } from '../../../audit/audit.repository';
import { TicketsEnv } from '../../../config/tickets.env';
import { PhoneMatchRepository } from '../../phone-match.repository';

/**
 * The open cases of a caller, by the keyed pseudonym of the number (telephony's screen pop).
 * The pseudonym of each open case's number is computed with the same key and normalisation
 * as telephony's; each match is an audited access to the case.
 */
@Injectable()
export class FindCasesByPhoneUsecase {
  private readonly pseudonym: PhonePseudonym;

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: PhoneMatchRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    @Inject(ENV) env: TicketsEnv,
  ) {
    this.pseudonym = new PhonePseudonym(env.PHONE_PSEUDONYM_KEY);
  }

  execute(request: FindCasesByPhoneRequest): Promise<FindCasesByPhoneReply> {
    return this.transactions.run(async (manager) => {
      const matches = (await this.repository.openCasesWithPhone(manager))
        .filter((candidate) => this.pseudonym.of(candidate.phone) === request.phonePseudonym)
        .slice(0, request.limit ?? 10);
      const at = this.clock.now();
      await this.audit.record(
        manager,
        matches.map((match) => ({ ticketId: match.id, subjectId: match.id, actor: request.actor, action: 'matched-by-phone', at })),
      );
      return {
        cases: matches.map((match) => ({
          ticketId: match.id,
          number: match.number,
          subject: match.subject,
          state: match.state,
          createdAt: match.createdAt.toISOString(),
        })),
      };
    });
  }
}
