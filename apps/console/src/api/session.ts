/**
 * Who is signed in: the access token (from the demo login or the OIDC provider) and
 * what its claims say about the user. Kept in sessionStorage, so a reload keeps the
 * sign-in and closing the tab ends it. The gateway verifies every token; the
 * console reads the claims only to show names and supervisor screens.
 */
export interface SignedInUser {
  id: string;
  name: string;
  roles: string[];
}

const KEY = 'd115.session';
type Listener = (user: SignedInUser | undefined) => void;
const listeners = new Set<Listener>();

interface Stored {
  token: string;
  expiresAt: number;
  user: SignedInUser;
}

function claimsOf(token: string): SignedInUser {
  const binary = atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'));
  // The claims are UTF-8 (names with umlauts); atob hands out one character per byte.
  const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))) as Record<string, unknown>;
  const roles = (payload.roles ?? (payload.realm_access as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  const id = String(payload.sub ?? '');
  return { id, name: String(payload.name ?? payload.preferred_username ?? id), roles };
}

function read(): Stored | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  const stored = JSON.parse(raw) as Stored;
  return stored.expiresAt > Date.now() ? stored : undefined;
}

export const session = {
  token: (): string | undefined => read()?.token,
  user: (): SignedInUser | undefined => read()?.user,
  isSupervisor: (): boolean => read()?.user.roles.includes('supervisor') ?? false,
  signIn(token: string, expiresInSeconds: number): SignedInUser {
    const user = claimsOf(token);
    sessionStorage.setItem(KEY, JSON.stringify({ token, expiresAt: Date.now() + expiresInSeconds * 1000, user } satisfies Stored));
    listeners.forEach((listener) => listener(user));
    return user;
  },
  signOut(): void {
    if (!sessionStorage.getItem(KEY)) return;
    sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener(undefined));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
