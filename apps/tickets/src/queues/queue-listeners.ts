import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Queue } from './entities/queue.entity';

/** Features that depend on a queue's definition (agents' eligibility) register here. */
export type QueueListener = (manager: EntityManager, queue: Queue) => Promise<void>;

@Injectable()
export class QueueListeners {
  private readonly listeners: QueueListener[] = [];

  register(listener: QueueListener): void {
    this.listeners.push(listener);
  }

  async changed(manager: EntityManager, queue: Queue): Promise<void> {
    for (const listener of this.listeners) await listener(manager, queue);
  }
}
