import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMMUTABLE, resolveConsoleFile, REVALIDATE } from './console-files';

describe('resolveConsoleFile', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'x');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  });

  afterAll(() => rmSync(root, { recursive: true }));

  it('serves hashed assets as immutable for a year', () => {
    expect(resolveConsoleFile(root, '/assets/index-abc123.js', false)).toEqual({
      path: join(root, 'assets', 'index-abc123.js'),
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: IMMUTABLE,
    });
  });

  it('revalidates index.html and unhashed files', () => {
    expect(resolveConsoleFile(root, '/', true)).toMatchObject({ path: join(root, 'index.html'), cacheControl: REVALIDATE });
    expect(resolveConsoleFile(root, '/favicon.svg', false)).toMatchObject({ contentType: 'image/svg+xml', cacheControl: REVALIDATE });
  });

  it('answers the single-page routes with index.html, but only to a browser asking for HTML', () => {
    expect(resolveConsoleFile(root, '/cases/123', true)?.path).toBe(join(root, 'index.html'));
    expect(resolveConsoleFile(root, '/cases/123', false)).toBeUndefined();
  });

  it('does not invent files: a missing asset is a 404, not index.html', () => {
    expect(resolveConsoleFile(root, '/assets/gone-123.js', true)).toBeUndefined();
  });

  it('refuses paths that climb out of the folder', () => {
    expect(resolveConsoleFile(root, '/../../etc/passwd', true)).toBeUndefined();
    expect(resolveConsoleFile(root, '/%2e%2e/%2e%2e/etc/passwd', false)).toBeUndefined();
    expect(resolveConsoleFile(root, '/%E0%A4%A', true)).toBeUndefined();
  });
});
