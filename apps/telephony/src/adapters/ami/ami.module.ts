import { Module } from '@nestjs/common';
import { CallsModule } from '../../calls/calls.module';
import { AmiAdapter } from './ami-adapter';

/** The Asterisk Manager Interface adapter (connections from `TELEPHONY_AMI_URL`). */
@Module({ imports: [CallsModule], providers: [AmiAdapter], exports: [AmiAdapter] })
export class AmiModule {}
