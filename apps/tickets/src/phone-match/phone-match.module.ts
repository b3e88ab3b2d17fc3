import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PhoneMatchController } from './phone-match.controller';
import { PhoneMatchRepository } from './phone-match.repository';
import { FindCasesByPhoneUsecase } from './usecases/find-cases-by-phone/find-cases-by-phone.usecase';

/** A caller's open cases by the keyed pseudonym of the phone number (for telephony's screen pop). */
@Module({
  imports: [AuditModule],
  controllers: [PhoneMatchController],
  providers: [PhoneMatchRepository, FindCasesByPhoneUsecase],
})
export class PhoneMatchModule {}
