// ESLint rule `d115/boundaries`: the import boundaries of ARCHITECTURE.md.
// An app never imports another app, libs never import apps, and libs/contracts
// imports no other @d115 lib. Imports are resolved against the importing file, so
// a relative path that climbs out of its app is caught as well as an alias.
'use strict';
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

/** `{ kind: 'app' | 'lib', name }` for a path inside apps/<name> or libs/<name>, else null. */
function areaOf(file) {
  const parts = path.relative(root, file).split(path.sep);
  if (parts[0] === 'apps' && parts.length > 2) return { kind: 'app', name: parts[1] };
  if (parts[0] === 'libs' && parts.length > 2) return { kind: 'lib', name: parts[1] };
  return null;
}

function targetOf(file, source) {
  if (source.startsWith('.')) return areaOf(path.resolve(path.dirname(file), source));
  if (source.startsWith('@d115/')) return { kind: 'lib', name: source.split('/')[1] };
  // tsconfig's baseUrl makes `apps/...` and `libs/...` resolvable too.
  if (/^(apps|libs)\//.test(source)) return areaOf(path.join(root, source, 'x'));
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries between apps and libs (ARCHITECTURE.md)' },
    schema: [],
    messages: {
      appImportsApp: 'apps/{{from}} must not import apps/{{to}}: services share only libs/contracts (events and requests).',
      libImportsApp: 'libs/{{from}} must not import apps/{{to}}: libs hold contracts and infrastructure, never app code.',
      contractsImportsLib: 'libs/contracts must not import libs/{{to}}: contracts depend on no other lib.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = areaOf(file);
    if (!from) return {};
    const check = (node) => {
      if (!node || typeof node.value !== 'string') return;
      const to = targetOf(file, node.value);
      if (!to) return;
      if (from.kind === 'app' && to.kind === 'app' && to.name !== from.name) {
        context.report({ node, messageId: 'appImportsApp', data: { from: from.name, to: to.name } });
      } else if (from.kind === 'lib' && to.kind === 'app') {
        context.report({ node, messageId: 'libImportsApp', data: { from: from.name, to: to.name } });
      } else if (from.kind === 'lib' && from.name === 'contracts' && to.kind === 'lib' && to.name !== 'contracts') {
        context.report({ node, messageId: 'contractsImportsLib', data: { to: to.name } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source ?? (node.argument && node.argument.literal)),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

/** The flat-config block that turns the rule on; eslint.config.mjs and the rule's test both use it. */
const boundariesConfig = {
  files: ['apps/**/*.ts', 'libs/**/*.ts'],
  plugins: { d115: { rules: { boundaries: rule } } },
  rules: { 'd115/boundaries': 'error' },
};

module.exports = { rule, boundariesConfig };
