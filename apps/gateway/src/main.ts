import 'reflect-metadata';
import { runService, ServiceDefinition } from '@d115/platform';
import { AppModule } from './app.module';
import { GatewayEnv } from './config/gateway.env';
import { setUpOpenApi } from './docs/openapi';
import { configureHttpEdge, trustedProxies } from './http/http-setup';

export const gatewayService: ServiceDefinition<GatewayEnv> = {
  service: 'gateway',
  env: GatewayEnv,
  module: (env) => AppModule.register(env),
  httpPort: (env) => env.GATEWAY_PORT,
  httpServer: (env) => ({ trustProxy: trustedProxies(env.TRUST_PROXY) }),
  configureHttp: (app, env) => {
    configureHttpEdge(app, env);
    setUpOpenApi(app);
  },
};

if (require.main === module) void runService(gatewayService);
