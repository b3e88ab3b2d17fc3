import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import * as contracts from '@d115/contracts';
import { ERROR_CODE_ENUMS } from '@d115/contracts';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, readVersion } from '@d115/platform';
import { BEARER_SCHEME, INTEGRATION_BASIC_SCHEME, INTEGRATION_QUERY_SCHEME, INTEGRATION_SCHEME } from '../auth/auth.decorators';
import { CONTRACT_SCHEMAS } from './contract-schemas';
import { withValidationConstraints } from './validation-constraints';

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details with the coded error.',
  properties: {
    type: { type: 'string', description: `\`${PROBLEM_TYPE_BASE}<code>\`` },
    title: { type: 'string', description: 'The HTTP status phrase' },
    status: { type: 'integer' },
    code: { type: 'string', enum: [...new Set(ERROR_CODE_ENUMS.flatMap((codes) => Object.values(codes) as string[]))] },
    detail: { type: 'string' },
    errorId: { type: 'string', description: 'Id of this error in the gateway or service log' },
    errors: {
      type: 'array',
      description: 'VALIDATION.FAILED: the fields that failed',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, constraints: { type: 'array', items: { type: 'string' } } },
        required: ['path', 'constraints'],
      },
    },
  },
  required: ['type', 'title', 'status', 'code', 'detail', 'errorId'],
};

/** The errors every API operation may answer, besides those it declares. */
const COMMON_ERRORS: Record<string, string> = {
  '400': 'Invalid input (VALIDATION.FAILED with the fields, REQUEST.MALFORMED)',
  '404': 'Not found, or outside the user\u2019s municipalities',
  '413': 'Body too large (REQUEST.TOO_LARGE)',
  '429': 'Rate limit exceeded (REQUEST.RATE_LIMITED, Retry-After)',
  '500': 'Unexpected error (INTERNAL, with errorId)',
  '503': 'The service behind is not running (SERVICE.UNAVAILABLE, Retry-After)',
  '504': 'The service behind did not answer in time (REQUEST.TIMEOUT)',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The OpenAPI 3.1 document of the gateway, from the code: operations from the
 * controllers' decorators, schemas generated from libs/contracts, every error as a
 * problem, the security schemes.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('d115 API')
    .setDescription(
      'HTTP API of the d115 back office of a 115 service center. Errors are `application/problem+json` (RFC 9457). ' +
        'Each operation names the roles it needs in `x-roles`. Live updates: `GET /api/v1/events` (Server-Sent Events, see docs/api.md).',
    )
    .setVersion(readVersion())
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token of the identity provider (OIDC)' }, BEARER_SCHEME)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An integration token (`d115i_<integration>_…`)' }, INTEGRATION_SCHEME)
    .addBasicAuth(
      { type: 'http', scheme: 'basic', description: 'The integration token as the password (any user name), for senders that take only a URL' },
      INTEGRATION_BASIC_SCHEME,
    )
    .addApiKey(
      { type: 'apiKey', in: 'query', name: 'token', description: 'The integration token in the URL, for senders that take only a URL' },
      INTEGRATION_QUERY_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.openapi = '3.1.0';
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...constrainedSchemas(), Problem: PROBLEM_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (operation && path.startsWith('/api/')) documentErrors(operation);
    }
  }
  return document;
}

/** The contract schemas, those of validated classes with their validation rules. */
function constrainedSchemas(): Record<string, SchemaObject> {
  const exported = contracts as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(CONTRACT_SCHEMAS).map(([name, schema]) => {
      const value = exported[name];
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      return [name, typeof value === 'function' && schema.properties ? withValidationConstraints(schema, value as Function) : schema];
    }),
  );
}

function documentErrors(operation: OperationObject): void {
  const problem = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const [status, description] of Object.entries(COMMON_ERRORS)) operation.responses[status] ??= { description };
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400) (response as ResponseObject).content = problem;
  }
}

/** Serves the document at /docs (UI) and /docs-json (JSON). */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
