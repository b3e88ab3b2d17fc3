import { Injectable } from '@nestjs/common';
import { SlaPolicyView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toSlaPolicyView } from '../../sla-policy.mapper';
import { SlaRepository } from '../../sla.repository';

@Injectable()
export class ListSlaPoliciesUsecase {
  constructor(
    private readonly sla: SlaRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(): Promise<SlaPolicyView[]> {
    return (await this.sla.listPolicies(this.transactions.manager)).map(toSlaPolicyView);
  }
}
