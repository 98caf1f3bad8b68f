import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The bundled rules quote the partnership announcement; a user must be able to open what they cite.
const repo = path.resolve(import.meta.dirname, '../..');
const TERMS = 'terms/partnership-announcement.txt';
const CITATION = /^Partnership announcement \(terms\/partnership-announcement\.txt\), paragraph (\d+)$/;

interface RuleFile {
  id: string;
  clause: string;
  source: string;
}

const rules = readdirSync(path.join(repo, 'rules'))
  .filter((name) => name.endsWith('.json') && name !== 'pack.json')
  .map((name) => JSON.parse(readFileSync(path.join(repo, 'rules', name), 'utf8')) as RuleFile);
/** One paragraph per line, as the announcement is kept. */
const paragraphs = readFileSync(path.join(repo, TERMS), 'utf8').split('\n');

describe('the sources the bundled rules cite', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s cites a paragraph of the announcement that holds its clause word for word', (_id, rule) => {
    const cited = CITATION.exec(rule.source);
    expect(cited, `source "${rule.source}" does not cite ${TERMS}, paragraph N`).not.toBeNull();
    const paragraph = paragraphs[Number(cited?.[1]) - 1];
    expect(paragraph, `${TERMS} has no paragraph ${cited?.[1]}`).toBeDefined();
    expect(paragraph).toContain(rule.clause);
  });

  it('the pack cites the same file', () => {
    const pack = JSON.parse(readFileSync(path.join(repo, 'rules', 'pack.json'), 'utf8')) as { source: string };
    expect(pack.source).toContain(`(${TERMS})`);
  });

  it('the announcement ships in the npm package', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: repo, encoding: 'utf8' });
    expect(packed.status, packed.stderr).toBe(0);
    const [tarball] = JSON.parse(packed.stdout) as [{ files: { path: string }[] }];
    expect(tarball.files.map((file) => file.path)).toContain(TERMS);
  });
});
