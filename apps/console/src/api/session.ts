/**
 * Who is signed in: the access token (from the demo login or the OIDC provider) and the
 * user as the gateway read it (`GET /api/v1/auth/me`: the configured claims and role names
 * applied — the console never decodes tokens). Kept in sessionStorage, so a reload keeps the
 * sign-in and closing the tab ends it. The gateway verifies every token; the console uses
 * the user only to show names and supervisor screens.
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
  signIn(token: string, expiresInSeconds: number, user: SignedInUser): SignedInUser {
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
