import { Module } from '@nestjs/common';
import { CallsModule } from '../../calls/calls.module';
import { CtiCallHandler } from './cti-call.handler';

/** The generic CTI JSON adapter (newCall / answer / hangup on `d115.inbound.telephony.call`). */
@Module({ imports: [CallsModule], providers: [CtiCallHandler] })
export class CtiModule {}
