import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { runCli } from './run-cli.js';

const names = Object.keys(commands) as Array<keyof typeof commands>;

describe('help', () => {
  it('accord --help lists every command, examples and the exit codes', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const name of names) expect(result.stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    expect(result.stdout).toMatch(/^Examples:\n {2}accord init/m);
    expect(result.stdout).toMatch(/^Exit codes \(accord check\):\n {2}0 .*\n {2}1 .*\n {2}2 /m);
  });

  it.each(names)('accord %s --help shows options, examples and exit codes', (name) => {
    const result = runCli([name, '--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const sections = result.stdout.split('\n\n').map((s) => s.split('\n')[0]);
    expect(sections).toEqual([expect.stringMatching(`^Usage: accord ${name}`), expect.any(String), 'Options:', 'Examples:', 'Exit codes:']);
    expect(result.stdout).toMatch(/^Exit codes:\n {2}0 {2}\S.*\n(.*\n)* {2}2 {2}\S/m);
  });

  it.each(names)("accord %s's examples use only its own options", (name) => {
    const spec = commands[name];
    const known = new Set(Object.entries(spec.options).flatMap(([long, o]) => [`--${long}`, ...(o.short ? [`-${o.short}`] : [])]));
    for (const example of spec.examples) {
      expect(example).toMatch(new RegExp(`(^|\\| )accord ${name}\\b`));
      const used = example.match(/(?<=\s)--?[a-z][a-z-]*/g) ?? [];
      for (const option of used) expect(known, `${option} in "${example}"`).toContain(option);
    }
  });
});
