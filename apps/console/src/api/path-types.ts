/**
 * The shapes openapi-typescript generates for one operation, so that endpoints the
 * gateway has not published yet (pending-paths.ts) type-check like generated ones.
 */
type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type Problem = { headers: Record<string, unknown>; content: { 'application/json': { code: string; message: string } } };
type Absent<T> = [T] extends [never] ? true : false;

export type Operation<Query, Path, Body, Reply, Header = never> = {
  parameters: (Absent<Query> extends true ? { query?: never } : { query?: Query }) &
    (Absent<Path> extends true ? { path?: never } : { path: Path }) &
    (Absent<Header> extends true ? { header?: never } : { header?: Header }) & { cookie?: never };
  responses: { 200: Json<Reply>; 201: Json<Reply>; 400: Problem; 404: Problem; 409: Problem; 412: Problem };
} & (Absent<Body> extends true ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });

export type PathItem<Ops> = { parameters: { query?: never; header?: never; path?: never; cookie?: never } } & Ops;
