import { Injectable } from '@nestjs/common';
import { ListCallsReply, ListCallsRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toCallEventData } from '../../call-event.mapper';
import { CallsRepository } from '../../calls.repository';

/** Live and recent calls for the gateway (console, wallboard); the number only while kept and never when withheld. */
@Injectable()
export class ListCallsUsecase {
  constructor(
    private readonly transactions: Transactions,
    private readonly calls: CallsRepository,
  ) {}

  async execute(request: ListCallsRequest): Promise<ListCallsReply> {
    const calls = await this.calls.list(this.transactions.manager, request.state, request.queue, request.limit ?? 100);
    return {
      calls: calls.map((call) => ({
        ...toCallEventData(call),
        callerNumber: call.callerWithheld ? null : call.callerNumber,
        wrapUpOutcome: call.wrapUpOutcome,
      })),
    };
  }
}
