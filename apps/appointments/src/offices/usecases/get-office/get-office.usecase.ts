import { Injectable } from '@nestjs/common';
import { GetOfficeRequest, OfficeView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { toOfficeView } from '../../office';
import { OfficesRepository } from '../../offices.repository';

@Injectable()
export class GetOfficeUsecase {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: GetOfficeRequest): Promise<OfficeView> {
    const office = await this.offices.get(this.transactions.manager, query.officeId);
    return toOfficeView(office);
  }
}
