import { Module } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { CallsModule } from '../calls/calls.module';
import { TelephonyEnv } from '../config/telephony.env';
import { CallEndedHandler } from './call-ended.handler';
import { CallWrappedUpHandler } from './call-wrapped-up.handler';
import { ServiceHours } from './service-hours';
import { ServiceLevelController } from './service-level.controller';
import { ServiceLevelRepository } from './service-level.repository';
import { SERVICE_HOURS } from './service-level.tokens';
import { GetServiceLevelUsecase } from './usecases/get-service-level/get-service-level.usecase';
import { RecordEndedCallUsecase } from './usecases/record-ended-call/record-ended-call.usecase';
import { RecordWrapUpUsecase } from './usecases/record-wrap-up/record-wrap-up.usecase';

/** The 115 service level: aggregates kept from call.ended and call.wrapped-up, live updates, range reports. */
@Module({
  imports: [CallsModule],
  controllers: [ServiceLevelController],
  providers: [
    { provide: SERVICE_HOURS, inject: [ENV], useFactory: (env: TelephonyEnv) => ServiceHours.fromEnv(env) },
    ServiceLevelRepository,
    RecordEndedCallUsecase,
    RecordWrapUpUsecase,
    GetServiceLevelUsecase,
    CallEndedHandler,
    CallWrappedUpHandler,
  ],
})
export class ServiceLevelModule {}
