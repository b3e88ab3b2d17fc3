import { Module } from '@nestjs/common';
import { KnowledgeController } from './knowledge.controller';

/** The HTTP face of the knowledge service. */
@Module({ controllers: [KnowledgeController] })
export class KnowledgeModule {}
