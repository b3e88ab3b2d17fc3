import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoutingRuleView } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { toRoutingRuleView } from '../../routing-rule.mapper';
import { RoutingRepository } from '../../routing.repository';

@Injectable()
export class ListRoutingRulesUsecase {
  constructor(
    private readonly rules: RoutingRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async execute(): Promise<RoutingRuleView[]> {
    return (await this.rules.list(this.dataSource.manager)).map(toRoutingRuleView);
  }
}
