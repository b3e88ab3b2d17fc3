import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The repository speaks of itself: every relative link in its Markdown points
 * to a file that is in the repository, and nothing names a path outside it.
 */
describe('Markdown links', () => {
  const root = resolve(__dirname, '..', '..');
  const documents = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((path) => path && !path.includes('node_modules'));

  const links = documents.flatMap((document) => {
    const text = readFileSync(join(root, document), 'utf8')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`\n]*`/g, '');
    return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1])
      .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
      .map((target) => ({ document, target: target.split('#')[0] }));
  });

  it('finds the documents and their links', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/glossary.md']));
    expect(links.length).toBeGreaterThan(5);
  });

  it.each(documents)('%s names no path outside the repository', (document) => {
    const text = readFileSync(join(root, document), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared\b/);
  });

  it('resolves every relative link to a file in the repository', () => {
    const broken = links.filter(({ document, target }) => {
      const path = resolve(root, dirname(document), target);
      return relative(root, path).startsWith('..') || !existsSync(path);
    });
    expect(broken).toEqual([]);
  });
});
