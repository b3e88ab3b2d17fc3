import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SlaPolicyView } from '@d115/contracts';
import { DATA_SOURCE } from '@d115/platform';
import { toSlaPolicyView } from '../../sla-policy.mapper';
import { SlaRepository } from '../../sla.repository';

@Injectable()
export class ListSlaPoliciesUsecase {
  constructor(
    private readonly sla: SlaRepository,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async execute(): Promise<SlaPolicyView[]> {
    return (await this.sla.listPolicies(this.dataSource.manager)).map(toSlaPolicyView);
  }
}
