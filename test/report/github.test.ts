import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, formatGithubStepSummary } from '../../src/report/github.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/types.js';
import { emptyReport, ODD_FILE, ODD_MESSAGE, options, sampleReport } from './sample-report.js';

/** Reads a workflow command the way the Actions runner does (ActionCommand.TryParseV2). */
function parseCommand(line: string) {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (match === null) return undefined;
  const unescape = (value: string) =>
    value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const [key, value] = pair.split('=') as [string, string];
        return [key, unescape(value)];
      }),
  );
  const data = match[3]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return { command: match[1], properties, data };
}

const lines = (report: Report) => formatGithub(report, options).split('\n').slice(0, -1);

describe('formatGithub', () => {
  it('emits one command per active finding, by severity, and none for waived findings', () => {
    const commands = lines(sampleReport).slice(0, 4).map(parseCommand);
    expect(commands.map((c) => [c?.command, c?.properties.title])).toEqual([
      ['error', 'api-exclusive-to-azure'],
      ['error', 'api-endpoint-off-azure'],
      ['warning', 'capacity-first-refusal'],
      ['notice', 'region-undisclosed'],
    ]);
    expect(formatGithub(sampleReport, options)).not.toContain('legacy-api runs on aws');
  });

  it('gives file, line and column of a finding, and the rule\'s fix on a second line of the message', () => {
    expect(lines(sampleReport)[0]).toBe(
      '::error file=deployments/api-east.yaml,line=7,col=13,title=api-exclusive-to-azure::' +
        'API deployment api-east runs on oracle; the OpenAI API is exclusive to Azure through 2030.' +
        '%0AFix: Set spec.provider to azure, or move this workload off the API (spec.workload).',
    );
  });

  it('escapes so that the runner reads back the exact file and message', () => {
    const [, second, third] = lines(sampleReport).map(parseCommand);
    expect(second?.data).toBe(`${ODD_MESSAGE}\nFix: ${sampleReport.findings[1]!.remediation}`);
    expect(third?.properties.file).toBe(ODD_FILE);
  });

  it('escapes %, CR and LF in data', () => {
    expect(escapeData('100%')).toBe('100%25');
    expect(escapeData('a\rb')).toBe('a%0Db');
    expect(escapeData('a\nb')).toBe('a%0Ab');
    expect(escapeData('%0A')).toBe('%250A');
    expect(escapeData('a:b,c')).toBe('a:b,c');
  });

  it('escapes %, CR, LF, colon and comma in properties', () => {
    expect(escapeProperty('100%')).toBe('100%25');
    expect(escapeProperty('a\r\nb')).toBe('a%0D%0Ab');
    expect(escapeProperty('C:x')).toBe('C%3Ax');
    expect(escapeProperty('a,b')).toBe('a%2Cb');
    expect(escapeProperty('%3A')).toBe('%253A');
  });

  it('never lets report text start a line of its own', () => {
    const hostile = { ...sampleReport.findings[0]!, file: 'x\n::error::injected', message: 'y\r\n::warning::injected', remediation: 'z\n::notice::injected' };
    const output = lines({ ...sampleReport, findings: [hostile] });
    expect(output.filter((line) => line.startsWith('::') && line.includes('injected'))).toHaveLength(1);
    expect(output[0]).toBe('::error file=x%0A%3A%3Aerror%3A%3Ainjected,line=7,col=13,title=api-exclusive-to-azure::y%0D%0A::warning::injected%0AFix: z%0A::notice::injected');
  });

  it('reports problems with and without a line, and notices', () => {
    const output = lines(sampleReport);
    expect(output).toContain(
      '::error file=deployments/broken.yaml,line=4,col=1,title=accord PARSE_ERROR::Unexpected end of flow mapping, expected "}"',
    );
    expect(output).toContain('::error file=deployments/empty.json,title=accord NO_DEPLOYMENTS::No deployment found in this file.');
    expect(output).toContain('::notice title=accord APPROVALS_NOT_VERIFIED::approvals.json is not signed; approvals were taken as written.');
  });

  it('leaves out an unknown position rather than inventing one', () => {
    const finding = { ...sampleReport.findings[0]!, line: 0, column: 0 };
    expect(lines({ ...sampleReport, findings: [finding] })[0]).toMatch(
      /^::error file=deployments\/api-east\.yaml,title=api-exclusive-to-azure::/,
    );
  });

  it('ends with a plain summary line', () => {
    expect(lines(sampleReport).at(-1)).toBe('accord: 2 errors, 1 warning, 1 info, 1 waived, 2 problems in 4 deployments (5 files)');
    expect(formatGithub(emptyReport, options)).toBe(
      'accord: 0 errors, 0 warnings, 0 infos, 0 waived, 0 problems in 1 deployment (1 file)\n',
    );
  });

  it('offers the Markdown report as the step summary', () => {
    const summary = formatGithubStepSummary(sampleReport, options);
    expect(summary).toBe(formatMarkdown(sampleReport, options));
    expect(summary).toMatch(/^## /);
  });
});
