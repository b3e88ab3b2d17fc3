import type { components, paths } from './generated/openapi';

/** A named schema of the gateway's OpenAPI document (the generated client's types). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The JSON body an operation takes, for bodies the document describes inline. */
export type RequestBody<Path extends keyof paths, Method extends 'post' | 'put' | 'patch'> = paths[Path][Method] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
