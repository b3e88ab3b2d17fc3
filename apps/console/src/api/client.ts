import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './generated/openapi';
import { session } from './session';

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    // A request that brings its own token (the sign-in asking who it belongs to) keeps it.
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) session.signOut();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** A coded error of the API (an RFC 9457 problem with `code` and `detail`), with the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The reply's data, or an ApiError with the gateway's code. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (response.ok) return body as T;
  const problem = (error ?? {}) as { code?: string; detail?: string };
  throw new ApiError(response.status, problem.code ?? `HTTP.${response.status}`, problem.detail ?? response.statusText);
}
