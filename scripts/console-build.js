// Builds the agent console (apps/console) to dist/console: the OpenAPI document of
// the gateway → generated client types → type check → Vite bundle. Skipped when
// neither the console's sources nor the OpenAPI document changed since the last build.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const app = join(root, 'apps', 'console');
const generated = join(app, 'src', 'api', 'generated');
const out = join(root, 'dist', 'console');
const stampFile = join(root, 'dist', 'console.stamp');
const documentFile = join(root, 'dist', 'console-openapi.json');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Every source file of the console (generated client excluded), sorted. */
function sources(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (path === generated) return [];
      return statSync(path).isDirectory() ? sources(path) : [path];
    });
}

/** The gateway's OpenAPI document, written without a running stack (dist/scripts/openapi.js). */
function writeOpenApiDocument() {
  const script = join(root, 'dist', 'scripts', 'openapi.js');
  // scripts/build.js compiles the services (and this script) before it builds the console.
  if (!existsSync(script)) throw new Error(`${relative(root, script)} is missing: run node scripts/build.js, which compiles it first`);
  run(process.execPath, [script, documentFile]);
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const file of [...sources(app), ...sources(join(root, 'libs', 'contracts', 'src')), documentFile])
    hash.update(relative(root, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

function buildConsole() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeOpenApiDocument();
  const stamp = fingerprint();
  const upToDate = existsSync(join(out, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (upToDate && existsSync(join(generated, 'openapi.ts'))) return;
  mkdirSync(generated, { recursive: true });
  run(bin('openapi-typescript'), [documentFile, '--output', join(generated, 'openapi.ts'), '--silent']);
  run(bin('tsc'), ['-p', join(app, 'tsconfig.json')]);
  run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(app, 'vite.config.mjs')]);
  writeFileSync(stampFile, stamp);
}

module.exports = { buildConsole };

if (require.main === module) buildConsole();
