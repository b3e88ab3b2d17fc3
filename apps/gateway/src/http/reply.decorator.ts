import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { RequestSubject } from '@d115/contracts';
import { replySchema } from '../docs/contract-schemas';

export interface OperationOptions {
  summary: string;
  description?: string;
  /** Status of a success (default 200). */
  status?: HttpStatus;
  /** The reply as documented when the gateway answers a part of the service's reply. */
  schema?: SchemaObject;
  /** Headers of a success (`Link` of a paged list). */
  headers?: Record<string, { description: string; schema: SchemaObject }>;
}

/** An operation that answers what `subject` replies, documented from the generated contract schema. */
export function Forwards(subject: RequestSubject, options: OperationOptions): MethodDecorator {
  const status = options.status ?? HttpStatus.OK;
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description ?? `Sends \`${subject}\` to the service.` }),
    ApiResponse({ status, description: 'Success', schema: options.schema ?? replySchema(subject), headers: options.headers }),
    HttpCode(status),
  );
}
