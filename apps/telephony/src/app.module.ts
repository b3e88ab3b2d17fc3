import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { AmiModule } from './adapters/ami/ami.module';
import { CstaModule } from './adapters/csta/csta.module';
import { CtiModule } from './adapters/cti/cti.module';
import { CaseLinksModule } from './case-links/case-links.module';
import { CallsModule } from './calls/calls.module';
import { TelephonyEnv } from './config/telephony.env';
import { migrations } from './migrations';
import { PrivacyModule } from './privacy/privacy.module';
import { ScreenPopModule } from './screen-pop/screen-pop.module';
import { ServiceLevelModule } from './service-level/service-level.module';
import { SharedModule } from './shared/shared.module';
import { WrapUpModule } from './wrap-up/wrap-up.module';

@Module({})
export class AppModule {
  static register(env: TelephonyEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'telephony', version: readVersion(), env, database: { entities: [], migrations } }),
        SharedModule,
        CallsModule,
        CtiModule,
        AmiModule,
        WrapUpModule,
        ServiceLevelModule,
        ScreenPopModule,
        CaseLinksModule,
        PrivacyModule,
        CstaModule,
      ],
    };
  }
}
