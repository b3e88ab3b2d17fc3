/** One CSTA server to connect to, from `TELEPHONY_CSTA_URL`. */
export interface CstaEndpoint {
  /** The telephone system's name in signals: the URL's fragment, else `csta-<host>-<port>`. */
  pbx: string;
  host: string;
  port: number;
  /** `tls://`: the connection is TLS (the server's certificate verified). */
  tls: boolean;
}

/** `tcp://host:port#name` or `tls://…` (comma-separated) → endpoints. The env class has validated the form. */
export function parseCstaUrls(value: string | undefined): CstaEndpoint[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const url = new URL(part);
      const port = Number(url.port);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const pbx = url.hash ? url.hash.slice(1) : `csta-${host}-${port}`;
      return { pbx, host, port, tls: url.protocol === 'tls:' };
    });
}

/** A comma-separated list variable → its items. */
export function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
