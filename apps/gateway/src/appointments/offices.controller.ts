import { Controller, Get, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AppointmentSubjects, ImportOfficesRequest, ListOfficesRequest, OFFICE_ID, UpsertOfficeRequest } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { JsonBody, JsonQuery } from '../http/contract-params';
import { PatternParam, UuidParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

/** Offices with their services, hours and booking systems (`d115.appointments.office.*`), for admins. */
@ApiTags('configuration')
@Controller('api/v1/config/offices')
@Roles('admin')
export class OfficesController {
  constructor(private readonly requests: RequestClient) {}

  @Get()
  @Forwards(AppointmentSubjects.officeList, { summary: 'Offices, optionally offering a service or LeiKa key' })
  list(@CurrentUser() user: Principal, @JsonQuery(ListOfficesRequest, ['actor']) query: Omit<ListOfficesRequest, 'actor'>) {
    return this.requests.request(AppointmentSubjects.officeList, { ...query, actor: user.id });
  }

  @Get(':officeId')
  @Forwards(AppointmentSubjects.officeGet, { summary: 'One office' })
  get(@CurrentUser() user: Principal, @PatternParam('officeId', OFFICE_ID, 'an office id') officeId: string) {
    return this.requests.request(AppointmentSubjects.officeGet, { officeId, actor: user.id });
  }

  @Put(':officeId')
  @Forwards(AppointmentSubjects.officeUpsert, { summary: 'Create or change an office' })
  upsert(
    @CurrentUser() user: Principal,
    @PatternParam('officeId', OFFICE_ID, 'an office id') officeId: string,
    @JsonBody(UpsertOfficeRequest, ['actor', 'officeId']) body: Omit<UpsertOfficeRequest, 'actor' | 'officeId'>,
  ) {
    return this.requests.request(AppointmentSubjects.officeUpsert, { ...body, officeId, actor: user.id });
  }

  @Post('import')
  @Forwards(AppointmentSubjects.officeImport, { summary: 'Import offices from a document (dryRun to check it first)', status: HttpStatus.OK })
  import(@CurrentUser() user: Principal, @JsonBody(ImportOfficesRequest, ['actor']) body: Omit<ImportOfficesRequest, 'actor'>) {
    return this.requests.request(AppointmentSubjects.officeImport, { ...body, actor: user.id });
  }

  @Post(':officeId/no-shows/:processId')
  @Roles('admin', 'supervisor')
  @Forwards(AppointmentSubjects.noShow, { summary: 'Record that the citizen did not come', status: HttpStatus.OK })
  noShow(@CurrentUser() user: Principal, @PatternParam('officeId', OFFICE_ID, 'an office id') officeId: string, @UuidParam('processId') processId: string) {
    return this.requests.request(AppointmentSubjects.noShow, { officeId, processId, actor: user.id });
  }
}
