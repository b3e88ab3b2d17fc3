import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { validatePayload } from '@d115/contracts';

const PLAIN = new Set<unknown>([String, Number, Boolean, Object, Array, undefined]);

/** Validates every class-typed handler argument against its contract; failures carry VALIDATION.FAILED. */
@Injectable()
export class MessageValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'body' || PLAIN.has(type) || !type) return value;
    return validatePayload(type as new () => object, value ?? {});
  }
}
