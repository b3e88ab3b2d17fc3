import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ENV } from '@d115/platform';
import { GatewayEnv } from '../config/gateway.env';
import { RateLimits } from '../http/rate-limit-share';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';

/** Bearer tokens (identity provider or embedded demo key), integration tokens, roles on every route. */
@Module({
  controllers: [AuthController],
  providers: [
    { provide: Authenticator, inject: [ENV], useFactory: (env: GatewayEnv) => Authenticator.create(env) },
    RateLimits,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator],
})
export class AuthModule {}
