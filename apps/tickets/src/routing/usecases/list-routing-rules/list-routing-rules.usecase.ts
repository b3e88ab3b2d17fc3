import { Injectable } from '@nestjs/common';
import { RoutingRuleView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toRoutingRuleView } from '../../routing-rule.mapper';
import { RoutingRepository } from '../../routing.repository';

@Injectable()
export class ListRoutingRulesUsecase {
  constructor(
    private readonly rules: RoutingRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(): Promise<RoutingRuleView[]> {
    return (await this.rules.list(this.transactions.manager)).map(toRoutingRuleView);
  }
}
