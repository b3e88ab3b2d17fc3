import { Module } from '@nestjs/common';
import { EventTranslations } from './event-audience';
import { EventsController } from './events.controller';
import { LiveEventHub } from './live-event-hub';
import { OpenLiveStreamUsecase } from './open-live-stream.usecase';
import { WallboardPublisher } from './wallboard.publisher';

/** Live updates by Server-Sent Events, fed by this instance's own JetStream consumer. */
@Module({
  controllers: [EventsController],
  providers: [EventTranslations, LiveEventHub, OpenLiveStreamUsecase, WallboardPublisher],
  exports: [EventTranslations],
})
export class EventsModule {}
