import { Module } from '@nestjs/common';
import { TimelineRepository } from './timeline.repository';

@Module({ providers: [TimelineRepository], exports: [TimelineRepository] })
export class TimelineModule {}
