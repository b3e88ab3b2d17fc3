import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { D115Error, ErrorCode, GatewayErrorCode, TICKET_NUMBER } from '@d115/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(name: string, expected: string): D115Error {
  return new D115Error(ErrorCode.VALIDATION_FAILED, `${name} must be ${expected}`, [{ path: name, constraints: [`${name} must be ${expected}`] }]);
}

function pathParam(name: string, pattern: RegExp, expected: string): ParameterDecorator {
  const read = createParamDecorator((_: unknown, context: ExecutionContext) => {
    const value = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>().params[name];
    if (typeof value !== 'string' || !pattern.test(value)) throw invalid(name, expected);
    return value;
  });
  return (target, key, index) => {
    ApiParam({ name, schema: { type: 'string', pattern: pattern.source }, description: expected })(
      target,
      key!,
      Object.getOwnPropertyDescriptor(target, key!)!,
    );
    read()(target, key, index);
  };
}

/** A case id (UUID) from the path; anything else (`..`, `%2F`, SQL) is a coded 400. */
export const CaseId = (): ParameterDecorator => pathParam('id', UUID, 'a case id (UUID)');

/** A UUID path parameter (reservations, rules, policies, authorities). */
export const UuidParam = (name: string): ParameterDecorator => pathParam(name, UUID, `a UUID`);

/** A path parameter of a given form. */
export const PatternParam = (name: string, pattern: RegExp, expected: string): ParameterDecorator => pathParam(name, pattern, expected);

/** A case by id (UUID) or number (115-2026-000123) from the path. */
export function CaseRef(): ParameterDecorator {
  const read = createParamDecorator((_: unknown, context: ExecutionContext): { ticketId?: string; number?: string } => {
    const value = String(context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>().params.id);
    if (UUID.test(value)) return { ticketId: value };
    if (TICKET_NUMBER.test(value)) return { number: value };
    throw invalid('id', 'a case id (UUID) or a ticket number (115-2026-000123)');
  });
  return (target, key, index) => {
    ApiParam({ name: 'id', schema: { type: 'string' }, description: 'Case id (UUID) or ticket number (115-2026-000123)' })(
      target,
      key!,
      Object.getOwnPropertyDescriptor(target, key!)!,
    );
    read()(target, key, index);
  };
}

/** `If-Match: "7"` as the expected version of a case (its ETag); absent is no precondition. */
export function IfMatch(): ParameterDecorator {
  const read = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    if (header === undefined) return undefined;
    const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
    if (!match || Number(match[1]) < 1) throw new D115Error(GatewayErrorCode.PRECONDITION_INVALID, 'If-Match must be the ETag of the case, e.g. "7"');
    return Number(match[1]);
  });
  return (target, key, index) => {
    ApiHeader({ name: 'If-Match', required: false, description: 'ETag (version) of the case as last read; a stale one answers 412' })(
      target,
      key!,
      Object.getOwnPropertyDescriptor(target, key!)!,
    );
    read()(target, key, index);
  };
}
