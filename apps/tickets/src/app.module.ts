import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { AgentsModule } from './agents/agents.module';
import { AssignmentModule } from './assignment/assignment.module';
import { CasesModule } from './cases/cases.module';
import { TicketsEnv } from './config/tickets.env';
import { entities } from './entities';
import { FiguresModule } from './figures/figures.module';
import { ForwardingModule } from './forwarding/forwarding.module';
import { IntakeModule } from './intake/intake.module';
import { migrations } from './migrations';
import { PhoneMatchModule } from './phone-match/phone-match.module';
import { PrivacyModule } from './privacy/privacy.module';
import { QueuesModule } from './queues/queues.module';
import { RoutingModule } from './routing/routing.module';
import { SharedModule } from './shared/shared.module';
import { SlaModule } from './sla/sla.module';

@Module({})
export class AppModule {
  static register(env: TicketsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'tickets', version: readVersion(), env, database: { entities, migrations } }),
        SharedModule,
        QueuesModule,
        RoutingModule,
        AgentsModule,
        SlaModule,
        CasesModule,
        AssignmentModule,
        ForwardingModule,
        IntakeModule,
        FiguresModule,
        PrivacyModule,
        PhoneMatchModule,
      ],
    };
  }
}
