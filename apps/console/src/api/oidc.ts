/**
 * Sign-in at the OIDC provider: authorization code flow with PKCE (RFC 7636), the
 * console being a public client. The verifier and state wait in sessionStorage
 * while the browser visits the provider.
 */
const PENDING = 'd115.oidc';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (length: number) => base64url(crypto.getRandomValues(new Uint8Array(length)));

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery failed: ${response.status}`);
  return (await response.json()) as Discovery;
}

const redirectUri = () => `${window.location.origin}/`;

export async function startOidcSignIn(issuer: string, clientId: string, scopes: string[]): Promise<void> {
  const { authorization_endpoint } = await discover(issuer);
  const verifier = random(48);
  const state = random(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, issuer, clientId }));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On the way back from the provider: trades the code for tokens; undefined when this is no such return. */
export async function finishOidcSignIn(): Promise<{ accessToken: string; expiresIn: number } | undefined> {
  const params = new URLSearchParams(window.location.search);
  const raw = sessionStorage.getItem(PENDING);
  if (!params.has('code') || !raw) return undefined;
  sessionStorage.removeItem(PENDING);
  const pending = JSON.parse(raw) as { verifier: string; state: string; issuer: string; clientId: string };
  window.history.replaceState(null, '', '/');
  if (params.get('state') !== pending.state) throw new Error('OIDC state mismatch');
  const { token_endpoint } = await discover(pending.issuer);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`OIDC token exchange failed: ${response.status}`);
  const tokens = (await response.json()) as { access_token: string; expires_in?: number };
  return { accessToken: tokens.access_token, expiresIn: tokens.expires_in ?? 300 };
}
