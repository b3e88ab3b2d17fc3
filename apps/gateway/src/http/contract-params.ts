import { createParamDecorator, ExecutionContext, Injectable, PipeTransform, Type } from '@nestjs/common';
import { ApiBody, ApiQuery, OmitType } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { validatePayload } from '@d115/contracts';
import { contractSchema } from '../docs/contract-schemas';
import { withValidationConstraints } from '../docs/validation-constraints';

/**
 * Validates against the contract class minus the fields the gateway sets itself; unknown
 * fields are refused, except the `ignored` ones a convention sends and we do not use (dropped).
 */
@Injectable()
class ContractPipe implements PipeTransform {
  constructor(
    private readonly shape: Type<object>,
    private readonly ignored: readonly string[] = [],
  ) {}

  transform(value: unknown): Promise<object> {
    return validatePayload(this.shape, this.ignored.length > 0 ? without(value, this.ignored) : (value ?? {}));
  }
}

function without(value: unknown, ignored: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value ?? {};
  return Object.fromEntries(Object.entries(value).filter(([name]) => !ignored.includes(name)));
}

const shapes = new Map<string, Type<object>>();

function shapeOf<T extends object>(contract: Type<T>, omit: readonly (keyof T)[]): Type<object> {
  const key = `${contract.name}-${omit.join(',')}`;
  let shape = shapes.get(key);
  if (!shape) {
    shape = OmitType(contract, omit) as Type<object>;
    Object.defineProperty(shape, 'name', { value: contract.name });
    shapes.set(key, shape);
  }
  return shape;
}

const rawBody = createParamDecorator((_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<FastifyRequest>().body as unknown);

/**
 * The JSON body as the request contract of a subject, without the fields the gateway
 * fills in (`actor`, the ids from the path): validated (unknown fields refused, coded
 * VALIDATION.FAILED listing the fields; `ignored` ones dropped) and documented from the
 * contract's schema.
 */
export function JsonBody<T extends object>(contract: Type<T>, omit: readonly (keyof T)[] = [], ignored: readonly string[] = []): ParameterDecorator {
  return (target, key, index) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    ApiBody({ schema: withValidationConstraints(contractSchema(contract.name, omit as readonly string[]), contract), required: true })(
      target,
      key!,
      descriptor,
    );
    rawBody(new ContractPipe(shapeOf(contract, omit), ignored))(target, key, index);
  };
}

const rawQuery = createParamDecorator((_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<FastifyRequest>().query);

/** Query strings become the contract's types: numbers, booleans, and comma-separated lists for array fields. */
@Injectable()
class QueryPipe extends ContractPipe {
  constructor(
    shape: Type<object>,
    private readonly properties: Record<string, { type?: string; items?: unknown }>,
  ) {
    super(shape);
  }

  override transform(value: unknown): Promise<object> {
    const query = value as Record<string, unknown>;
    const typed = Object.fromEntries(
      Object.entries(query).map(([name, raw]) => {
        const type = this.properties[name]?.type;
        const text = Array.isArray(raw) ? raw.join(',') : String(raw);
        if (type === 'number' || type === 'integer') return [name, text.trim() === '' ? Number.NaN : Number(text)];
        if (type === 'boolean') return [name, text === 'true' ? true : text === 'false' ? false : text];
        if (type === 'array') return [name, text.split(',').filter(Boolean)];
        return [name, Array.isArray(raw) ? raw : text];
      }),
    );
    return super.transform(typed);
  }
}

/** The query string as a request contract (like JsonBody), each field documented as a query parameter. */
export function JsonQuery<T extends object>(contract: Type<T>, omit: readonly (keyof T)[] = []): ParameterDecorator {
  const schema = withValidationConstraints(contractSchema(contract.name, omit as readonly string[]), contract);
  const properties = (schema.properties ?? {}) as Record<string, { type?: string; description?: string }>;
  return (target, key, index) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    for (const [name, property] of Object.entries(properties)) {
      ApiQuery({ name, required: false, schema: property, description: property.description, explode: false })(target, key!, descriptor);
    }
    rawQuery(new QueryPipe(shapeOf(contract, omit), properties))(target, key, index);
  };
}
