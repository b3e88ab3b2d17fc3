import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { MessagesModule } from '../messages/messages.module';
import { ParsingModule } from '../parsing/parsing.module';
import { QuarantineController } from './quarantine.controller';
import { ListQuarantineUsecase } from './usecases/list-quarantine/list-quarantine.usecase';
import { RetryQuarantinedUsecase } from './usecases/retry-quarantined/retry-quarantined.usecase';

/** Mail that could not be parsed: listed and re-processed on request. */
@Module({
  imports: [IntakeModule, ParsingModule, MessagesModule],
  controllers: [QuarantineController],
  providers: [ListQuarantineUsecase, RetryQuarantinedUsecase],
})
export class QuarantineModule {}
