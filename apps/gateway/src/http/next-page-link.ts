import type { FastifyReply, FastifyRequest } from 'fastify';

/** How the `Link` header of a paged list is documented (OpenAPI response header). */
export const NEXT_PAGE_LINK_HEADER = {
  Link: {
    description: 'The next page, when there is one: `</api/v1/cases?…&cursor=…>; rel="next"` (RFC 8288), the same query continued',
    schema: { type: 'string' },
  },
} as const;

/**
 * A page with a `nextCursor` also gets GitHub's pagination header: `Link` to the same
 * request with `cursor` set (and `offset` dropped), relative to the request's own URL so it
 * holds behind any proxy. A client follows `rel="next"` until it is absent.
 */
export async function nextPageLink<T>(request: FastifyRequest, response: FastifyReply, page: Promise<T>): Promise<T> {
  const value = await page;
  const cursor = (value as { nextCursor?: unknown } | null)?.nextCursor;
  if (typeof cursor === 'string' && cursor !== '') {
    const url = new URL(request.url, 'http://relative.invalid');
    url.searchParams.delete('offset');
    url.searchParams.set('cursor', cursor);
    response.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
  }
  return value;
}
