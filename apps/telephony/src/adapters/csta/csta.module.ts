import { Module } from '@nestjs/common';
import { CallsModule } from '../../calls/calls.module';
import { CstaClientHost } from './connection/csta-client.host';
import { CSTA_PROVIDERS } from './csta-devices.provider';
import { CstaInboundHandler } from './inbound/csta-inbound.handler';

/** The CSTA XML adapter (ECMA-323): TCP connections to CSTA servers and the NATS inbound subject. */
@Module({ imports: [CallsModule], providers: [...CSTA_PROVIDERS, CstaClientHost, CstaInboundHandler] })
export class CstaModule {}
