#!/usr/bin/env node
// `npm start`: install what is missing, build, then hand over to the launcher.
'use strict';
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
for (const step of ['ensure-install.js', 'build.js']) {
  const result = spawnSync(process.execPath, [join(__dirname, step)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
require(join(root, 'dist', 'scripts', 'launch', 'main.js'));
