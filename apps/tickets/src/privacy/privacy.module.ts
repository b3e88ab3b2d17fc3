import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { AnonymizeClosedCasesUsecase } from './usecases/anonymize-closed-cases/anonymize-closed-cases.usecase';

@Module({
  imports: [AuditModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, AnonymizeClosedCasesUsecase],
})
export class PrivacyModule {}
