import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** A reply with a `version` (a case) gets it as its ETag, for `If-Match` on the next change. */
@Injectable()
export class VersionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((reply: unknown) => {
        const version = (reply as { version?: unknown } | null)?.version;
        if (typeof version === 'number') context.switchToHttp().getResponse<Response>().setHeader('ETag', `"${version}"`);
        return reply;
      }),
    );
  }
}
