import { Module } from '@nestjs/common';
import { ParseMessageUsecase } from './usecases/parse-message/parse-message.usecase';

/** MIME parsing: raw mail in, decoded and sanitized ParsedMail out. No state. */
@Module({
  providers: [ParseMessageUsecase],
  exports: [ParseMessageUsecase],
})
export class ParsingModule {}
