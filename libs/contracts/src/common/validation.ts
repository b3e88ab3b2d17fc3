import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { D115Error, ErrorCode, FieldError } from './errors';

/** Flattens class-validator's tree into `path: constraint messages` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, constraints: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * Turns a plain payload into an instance of its contract class and validates it.
 * Unknown properties are refused, so a typo in an outside system's payload is
 * reported instead of silently ignored.
 */
export async function validatePayload<T extends object>(cls: ClassConstructor<T>, plain: unknown, options: { allowUnknown?: boolean } = {}): Promise<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new D115Error(ErrorCode.VALIDATION_FAILED, `${cls.name}: payload must be a JSON object`, [
      { path: '', constraints: ['payload must be a JSON object'] },
    ]);
  }
  const instance = plainToInstance(cls, plain);
  const errors = await validate(instance, { whitelist: !options.allowUnknown, forbidNonWhitelisted: !options.allowUnknown });
  if (errors.length > 0) {
    const details = flattenValidationErrors(errors);
    const summary = details.map((d) => `${d.path}: ${d.constraints.join(', ')}`).join('; ');
    throw new D115Error(ErrorCode.VALIDATION_FAILED, `${cls.name} is invalid: ${summary}`, details);
  }
  return instance;
}
