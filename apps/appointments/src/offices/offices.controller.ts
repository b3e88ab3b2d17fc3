import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppointmentSubjects, GetOfficeRequest, ImportOfficesRequest, ListOfficesRequest, ReplyOf, UpsertOfficeRequest } from '@d115/contracts';
import { GetOfficeUsecase } from './usecases/get-office/get-office.usecase';
import { ImportOfficesUsecase } from './usecases/import-offices/import-offices.usecase';
import { ListOfficesUsecase } from './usecases/list-offices/list-offices.usecase';
import { UpsertOfficeUsecase } from './usecases/upsert-office/upsert-office.usecase';

/** `d115.appointments.office.*`: configuring offices; one line per handler. */
@Controller()
export class OfficesController {
  constructor(
    private readonly upsertOffice: UpsertOfficeUsecase,
    private readonly getOffice: GetOfficeUsecase,
    private readonly listOffices: ListOfficesUsecase,
    private readonly importOffices: ImportOfficesUsecase,
  ) {}

  @MessagePattern(AppointmentSubjects.officeUpsert)
  upsert(@Payload() cmd: UpsertOfficeRequest): Promise<ReplyOf<typeof AppointmentSubjects.officeUpsert>> {
    return this.upsertOffice.execute(cmd);
  }

  @MessagePattern(AppointmentSubjects.officeGet)
  get(@Payload() query: GetOfficeRequest): Promise<ReplyOf<typeof AppointmentSubjects.officeGet>> {
    return this.getOffice.execute(query);
  }

  @MessagePattern(AppointmentSubjects.officeList)
  list(@Payload() query: ListOfficesRequest): Promise<ReplyOf<typeof AppointmentSubjects.officeList>> {
    return this.listOffices.execute(query);
  }

  @MessagePattern(AppointmentSubjects.officeImport)
  import(@Payload() cmd: ImportOfficesRequest): Promise<ReplyOf<typeof AppointmentSubjects.officeImport>> {
    return this.importOffices.execute(cmd);
  }
}
