import { Module } from '@nestjs/common';
import { AgentWorkController } from './agent-work.controller';
import { CaseAttachmentsController } from './case-attachments.controller';
import { CaseHistoryController, CasesController } from './cases.controller';
import { ConfigurationController } from './configuration.controller';
import { FiguresController } from './figures.controller';

/** The HTTP face of the tickets service. */
@Module({ controllers: [CasesController, CaseHistoryController, CaseAttachmentsController, AgentWorkController, ConfigurationController, FiguresController] })
export class TicketsModule {}
