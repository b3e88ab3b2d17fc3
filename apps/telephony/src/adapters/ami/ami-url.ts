/** One Asterisk manager connection from `TELEPHONY_AMI_URL`. */
export interface AmiEndpoint {
  /** The pbx name calls are recorded under: `host:port`. */
  pbx: string;
  host: string;
  port: number;
  username: string;
  secret: string;
}

/** `tcp://USER:SECRET@HOST:PORT[,…]` → endpoints (user and secret URL-decoded). */
export function parseAmiUrls(spec: string | undefined): AmiEndpoint[] {
  if (!spec) return [];
  return spec
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const url = new URL(item);
      if (url.protocol !== 'tcp:' || !url.port) throw new Error(`TELEPHONY_AMI_URL: ${url.protocol}//${url.host} must be tcp://USER:SECRET@HOST:PORT`);
      return {
        pbx: `${url.hostname}:${url.port}`,
        host: url.hostname,
        port: Number(url.port),
        username: decodeURIComponent(url.username),
        secret: decodeURIComponent(url.password),
      };
    });
}
