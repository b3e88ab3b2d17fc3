import { Module } from '@nestjs/common';
import { PrivacyRepository } from './privacy.repository';
import { ClearCallerNumbersUsecase } from './usecases/clear-caller-numbers/clear-caller-numbers.usecase';

/** Retention of caller numbers: the scheduled, audited clearing job. */
@Module({ providers: [PrivacyRepository, ClearCallerNumbersUsecase] })
export class PrivacyModule {}
