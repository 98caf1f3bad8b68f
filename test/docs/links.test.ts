import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README is the front door, read in ten minutes; the rest lives in docs/, one link away.
const repo = path.resolve(import.meta.dirname, '../..');
const README_LIMIT_BYTES = 20_000;
const pages = ['README.md', ...readdirSync(path.join(repo, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** Markdown outside fenced code blocks. */
function prose(markdown: string): string {
  return markdown.split(/^```.*$/m).filter((_, i) => i % 2 === 0).join('\n');
}

/** Relative link targets `[text](target)`: no scheme, no bare fragment of another site. */
function relativeLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as hyphens. */
function anchors(markdown: string): Set<string> {
  const headings = [...prose(markdown).matchAll(/^#{1,6} +(.+?) *$/gm)].map((m) => m[1] ?? '');
  return new Set(headings.map((heading) => heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
}

describe('README.md and docs/', () => {
  it(`README.md stays under ${README_LIMIT_BYTES / 1000} KB`, () => {
    expect(statSync(path.join(repo, 'README.md')).size).toBeLessThan(README_LIMIT_BYTES);
  });

  it.each(pages)('every relative link in %s leads to a file (and heading) that exists', (page) => {
    const text = readFileSync(path.join(repo, page), 'utf8');
    const links = relativeLinks(text);
    const broken = links.filter((link) => {
      const [file = '', fragment] = link.split('#');
      const target = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
      if (target.startsWith('..') || !existsSync(path.join(repo, target))) return true;
      return fragment !== undefined && target.endsWith('.md') && !anchors(readFileSync(path.join(repo, target), 'utf8')).has(fragment);
    });
    expect(broken).toEqual([]);
  });

  it('links every docs page from the README', () => {
    const linked = new Set(relativeLinks(readFileSync(path.join(repo, 'README.md'), 'utf8')).map((link) => link.split('#')[0]));
    expect(pages.filter((page) => page !== 'README.md' && !linked.has(page))).toEqual([]);
  });
});
