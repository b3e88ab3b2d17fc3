import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';

/** Where `node scripts/build.js` puts the built console: dist/console under the repository (or image) root. */
export function findConsoleDirectory(from: string = __dirname): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const built = join(dir, 'dist', 'console');
      return existsSync(join(built, 'index.html')) ? built : undefined;
    }
  }
  return undefined;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hashed file names never change content: cached for a year. Everything else is revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export interface ConsoleFile {
  path: string;
  contentType: string;
  cacheControl: string;
}

/**
 * The file a GET of `urlPath` serves: an existing file of the build, else index.html
 * (the single-page app's own routes), else nothing. Paths that climb out of the
 * folder are refused.
 */
export function resolveConsoleFile(root: string, urlPath: string, wantsHtml: boolean): ConsoleFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  if (candidate !== root && existsSync(candidate) && statSync(candidate).isFile()) {
    const immutable = candidate.startsWith(join(root, 'assets') + sep);
    return { path: candidate, contentType: CONTENT_TYPES[extname(candidate)] ?? 'application/octet-stream', cacheControl: immutable ? IMMUTABLE : REVALIDATE };
  }
  if (!wantsHtml || extname(decoded) !== '') return undefined;
  return { path: join(root, 'index.html'), contentType: CONTENT_TYPES['.html'], cacheControl: REVALIDATE };
}
