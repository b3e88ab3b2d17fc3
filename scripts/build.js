#!/usr/bin/env node
// Compiles apps, libs, scripts and benchmarks to dist/ and rewrites the @d115/* path aliases.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The gateway's OpenAPI schemas follow the contracts (scripts/contract-schemas.js).
run(process.execPath, [join(__dirname, 'contract-schemas.js')]);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
require('./console-build').buildConsole();
