import { D115Error } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';

/** The coded error a request fails with; fails the test when the request succeeds or fails without a code. */
export async function requestFailure(client: RequestClient, subject: string, payload: unknown): Promise<D115Error> {
  const outcome = await client.requestUntyped(subject, payload).then(
    (reply) => new Error(`expected ${subject} to fail, got ${JSON.stringify(reply)}`),
    (error: unknown) => error,
  );
  if (!(outcome instanceof D115Error)) throw outcome;
  return outcome;
}
