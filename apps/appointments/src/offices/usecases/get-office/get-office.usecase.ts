import { Injectable } from '@nestjs/common';
import { AppointmentErrorCode, GetOfficeRequest, OfficeView } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { AppointmentsException } from '../../../shared/appointments.exception';
import { toOfficeView } from '../../office';
import { OfficesRepository } from '../../offices.repository';

@Injectable()
export class GetOfficeUsecase {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly transactions: Transactions,
  ) {}

  async execute(query: GetOfficeRequest): Promise<OfficeView> {
    const office = await this.offices.find(this.transactions.manager, query.officeId);
    if (!office) throw new AppointmentsException(AppointmentErrorCode.OFFICE_NOT_FOUND, `no office ${query.officeId}`);
    return toOfficeView(office);
  }
}
