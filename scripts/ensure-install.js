#!/usr/bin/env node
// Installs the dependencies when they are missing or older than the lock file,
// so that `npm start` and `npm test` each work on a fresh clone.
'use strict';
const { existsSync, lstatSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

function needsInstall() {
  if (!existsSync(marker)) return true;
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
}

/** A linked node_modules (a git worktree sharing one install) belongs to another checkout: never reinstall it from here. */
function linkedModules() {
  const modules = join(root, 'node_modules');
  return existsSync(modules) && lstatSync(modules).isSymbolicLink();
}

if (needsInstall() && !linkedModules()) {
  const command = existsSync(lock) ? 'ci' : 'install';
  process.stdout.write(`d115: installing dependencies (npm ${command}) …\n`);
  const result = spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('d115: installing dependencies failed; see the npm output above\n');
    process.exit(result.status ?? 1);
  }
}
