#!/usr/bin/env node
// Container health check of a d115 service: GET /health/ready on its own port,
// exit 0 on 200, 1 otherwise. Plain node:http, because the slim image has no curl.
//
// The port is HEALTHCHECK_PORT if set, else the gateway's GATEWAY_PORT or a
// service's OPS_PORT, else the default of the service's env class
// (test/deploy/compose.int-spec.ts checks these defaults against the classes).
'use strict';
const http = require('node:http');

const DEFAULT_PORTS = {
  gateway: 3000,
  telephony: 3101,
  mail: 3102,
  tickets: 3103,
  knowledge: 3104,
  appointments: 3105,
};

/** Where the health check of the service in `env` looks; null when there is nothing to check (migrate). */
function healthcheckTarget(env) {
  const service = env.D115_SERVICE;
  if (service === 'migrate') return null;
  if (!(service in DEFAULT_PORTS)) throw new Error(`unknown D115_SERVICE '${service}'`);
  const configured = env.HEALTHCHECK_PORT || (service === 'gateway' ? env.GATEWAY_PORT : env.OPS_PORT);
  return {
    port: Number(configured || DEFAULT_PORTS[service]),
    path: env.HEALTHCHECK_PATH || '/health/ready',
  };
}

function main() {
  let target;
  try {
    target = healthcheckTarget(process.env);
  } catch (error) {
    process.stderr.write(`healthcheck: ${error.message}\n`);
    process.exit(1);
  }
  if (!target) process.exit(0);
  const request = http.get({ host: '127.0.0.1', port: target.port, path: target.path, timeout: 4000 }, (response) => {
    response.resume();
    process.exit(response.statusCode === 200 ? 0 : 1);
  });
  request.on('timeout', () => request.destroy(new Error(`no answer within 4 s on port ${target.port}`)));
  request.on('error', (error) => {
    process.stderr.write(`healthcheck: ${error.message}\n`);
    process.exit(1);
  });
}

if (require.main === module) main();

module.exports = { DEFAULT_PORTS, healthcheckTarget };
