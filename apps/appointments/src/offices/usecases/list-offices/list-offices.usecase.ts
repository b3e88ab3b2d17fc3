import { Injectable } from '@nestjs/common';
import { ListOfficesRequest, OfficeView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toOfficeView } from '../../office';
import { OfficesRepository } from '../../offices.repository';

@Injectable()
export class ListOfficesUsecase {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: ListOfficesRequest): Promise<OfficeView[]> {
    return (await this.offices.list(this.transactions.manager, query)).map(toOfficeView);
  }
}
