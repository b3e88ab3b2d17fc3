#!/usr/bin/env node
// Generates the JSON Schemas (OpenAPI 3.1) of every type libs/contracts exports, and of
// the request and reply of every subject in its RequestMap, with the TypeScript
// compiler: the reply types are interfaces, which leave nothing at run time to read.
// The gateway's OpenAPI document takes its schemas from the output, so the document
// follows the contracts without a hand-written copy. Run by scripts/build.js before tsc;
// `node scripts/contract-schemas.js --check` fails when the committed file is stale.
'use strict';
const ts = require('typescript');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'libs', 'contracts', 'src', 'index.ts');
/** Exported types that describe the messaging itself rather than a payload. */
const NOT_DATA = new Set(['RequestMap', 'RequestSubject', 'EventEntity']);
const output = join(root, 'apps', 'gateway', 'src', 'docs', 'contract-schemas.generated.json');

function generate() {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
  const exported = new Map();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Enum)) exported.set(target, symbol.name);
  }

  const schemas = {};
  const pending = [];
  const described = new Set();

  /** A $ref for an exported named type (queued for its own schema), else undefined. */
  function refFor(type) {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol || !exported.has(symbol)) return undefined;
    if (type.aliasTypeArguments?.length || (type.typeArguments ?? []).length) return undefined;
    const name = exported.get(symbol);
    if (!described.has(name)) {
      described.add(name);
      pending.push([name, type, symbol]);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  function literal(type) {
    if (type.isStringLiteral() || type.isNumberLiteral()) return type.value;
    if (type.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type) === 'true';
    return undefined;
  }

  function schemaOf(type, top = false) {
    if (!top) {
      const ref = refFor(type);
      if (ref) return ref;
    }
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (flags & ts.TypeFlags.String) return { type: 'string' };
    if (flags & ts.TypeFlags.Number) return { type: 'number' };
    if (flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (flags & ts.TypeFlags.Null) return { type: 'null' };
    if (flags & ts.TypeFlags.EnumLiteral && type.isUnion()) return { enum: type.types.map(literal) };
    if (literal(type) !== undefined) return { const: literal(type) };
    if (type.isUnion()) {
      const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
      const literals = members.map(literal);
      if (literals.every((value) => value !== undefined)) {
        const values = [...new Set(literals)];
        return values.length === 2 && values.every((value) => typeof value === 'boolean') ? { type: 'boolean' } : { enum: values };
      }
      const nonNull = members.filter((member) => !(member.flags & ts.TypeFlags.Null));
      const parts = nonNull.map((member) => schemaOf(member));
      const nullable = nonNull.length < members.length;
      if (parts.length === 1) return nullable ? { anyOf: [parts[0], { type: 'null' }] } : parts[0];
      return { anyOf: nullable ? [...parts, { type: 'null' }] : parts };
    }
    if (type.isIntersection()) return objectSchema(type);
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const [item] = checker.getTypeArguments(type);
      return { type: 'array', items: item ? schemaOf(item) : {} };
    }
    const symbol = type.getSymbol();
    if (symbol?.name === 'Date') return { type: 'string', format: 'date-time' };
    if (flags & ts.TypeFlags.Object) return objectSchema(type);
    return {};
  }

  function objectSchema(type) {
    const schema = { type: 'object', properties: {} };
    const required = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration) continue;
      const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
      if (propertyType.getCallSignatures().length > 0) continue;
      const propertySchema = { ...schemaOf(propertyType) };
      const description = ts.displayPartsToString(property.getDocumentationComment(checker)).trim();
      if (description) {
        if (propertySchema.$ref) schema.properties[property.name] = { allOf: [propertySchema], description };
        else schema.properties[property.name] = { ...propertySchema, description };
      } else schema.properties[property.name] = propertySchema;
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    const index = checker.getIndexInfosOfType(type)[0];
    if (index) schema.additionalProperties = schemaOf(index.type);
    if (required.length) schema.required = required;
    return schema;
  }

  /** Plain data: no type parameters, no methods (an Error class or a helper is not a payload). */
  function isDataType(symbol, type) {
    const declaration = symbol.declarations?.[0];
    if (declaration?.typeParameters?.length) return false;
    if (symbol.flags & ts.SymbolFlags.Enum) return true;
    return !checker.getPropertiesOfType(type).some((property) => {
      const propertyDeclaration = property.valueDeclaration ?? property.declarations?.[0];
      return propertyDeclaration && checker.getTypeOfSymbolAtLocation(property, propertyDeclaration).getCallSignatures().length > 0;
    });
  }

  const requests = {};
  const requestMap = [...exported].find(([, name]) => name === 'RequestMap');
  const mapType = checker.getDeclaredTypeOfSymbol(requestMap[0]);
  for (const subject of checker.getPropertiesOfType(mapType)) {
    const contract = checker.getTypeOfSymbolAtLocation(subject, subject.declarations?.[0] ?? requestMap[0].declarations[0]);
    const part = (name) => schemaOf(checker.getTypeOfSymbolAtLocation(contract.getProperty(name), subject.declarations?.[0] ?? requestMap[0].declarations[0]));
    requests[subject.name] = { request: part('request'), reply: part('reply') };
  }
  for (const [symbol, name] of exported) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    if (isDataType(symbol, type) && !NOT_DATA.has(name)) refFor(type);
  }
  while (pending.length) {
    const [name, type, symbol] = pending.shift();
    const schema = schemaOf(type, true);
    const description = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    schemas[name] = description ? { ...schema, description } : schema;
  }
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ schemas: sorted, requests }, null, 1)}\n`;
}

if (require.main === module) {
  const text = generate();
  if (process.argv.includes('--check')) {
    if (readFileSync(output, 'utf8') !== text) {
      process.stderr.write(`${output} is stale: run node scripts/contract-schemas.js\n`);
      process.exit(1);
    }
  } else writeFileSync(output, text);
}

module.exports = { generate, output };
