import { api, data } from './client';
import { session, SignedInUser } from './session';

/** Signs in with an access token: asks the gateway who the token's user is, then keeps both. */
export async function signInWith(token: string, expiresInSeconds: number): Promise<SignedInUser> {
  const me = await data(api.GET('/api/v1/auth/me', { headers: { Authorization: `Bearer ${token}` } }));
  return session.signIn(token, expiresInSeconds, { id: me.id, name: me.name ?? me.id, roles: me.roles });
}
