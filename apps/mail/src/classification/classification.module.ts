import { Module } from '@nestjs/common';
import { ClassifyMessageUsecase } from './usecases/classify-message/classify-message.usecase';

/** normal / auto-reply / bounce / report, from headers and report parts. No state. */
@Module({
  providers: [ClassifyMessageUsecase],
  exports: [ClassifyMessageUsecase],
})
export class ClassificationModule {}
