// The capacity-ledger example of the README demo (fixtures/examples/deployments/stargate-second-wave.yaml):
// four deployments under MSFT-CAP-2027-004 (maxTotalGpus 400,000); the third in go-live order passes
// the cap. Every output format must show approval-total-exceeded on the third and fourth only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNames } from '../../src/report/formats.js';
import { unpackFindings } from '../../src/report/html/packed-findings.js';
import type { PageModel } from '../../src/report/html/page-model-types.js';
import type { FormatName } from '../../src/report/format-types.js';
import type { Report } from '../../src/types.js';
import { runCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const RULE = 'approval-total-exceeded';
const FILE = 'fixtures/examples/deployments/stargate-second-wave.yaml';
const EXAMPLES = ['check', 'fixtures/examples/deployments', '--approvals', 'fixtures/examples/approvals.yaml', '--waivers', 'fixtures/examples/waivers.yaml', '--as-of', '2027-06-01'];

const run = (format: FormatName) => {
  const result = runCli([...EXAMPLES, '--format', format], { env: { NO_COLOR: '1' } });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(1);
  return result.stdout;
};

const all = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] as string);

/** The findings of the rule in each format's own words: `file:line` where the format gives it, else the deployment's name. */
const extractors: Record<string, (output: string) => string[]> = {
  text: (out) => all(out, new RegExp(`^ {2}(\\S+:\\d+):\\d+ +error +${RULE} `, 'gm')),
  json: (out) => (JSON.parse(out) as Report).findings.filter((f) => f.rule === RULE).map((f) => `${f.file}:${f.line}`),
  sarif: (out) =>
    JSON.parse(out)
      .runs[0].results.filter((r: { ruleId: string }) => r.ruleId === RULE)
      .map((r: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => {
        const { artifactLocation, region } = r.locations[0]!.physicalLocation;
        return `${artifactLocation.uri}:${region.startLine}`;
      }),
  junit: (out) => all(out, new RegExp(`<testcase name="${RULE}" classname="([^"]+)">\\s*<failure`, 'g')),
  github: (out) => all(out, new RegExp(`^::error file=([^,]+,line=\\d+),col=\\d+,title=${RULE}::`, 'gm')).map((s) => s.replace(',line=', ':')),
  markdown: (out) => all(out, new RegExp(`^\\| \\S+ \\| (\\S+) \\| ${RULE} \\| error \\|`, 'gm')),
  // The page's data block: base64 of the deflated page model, whose findings are packed.
  html: (out) => {
    const data = /<script type="application\/octet-stream" id="accord-data"[^>]*>([^<]*)<\/script>/.exec(out)?.[1];
    if (data === undefined) throw new Error('no data block in the page');
    const model = JSON.parse(inflateSync(Buffer.from(data, 'base64')).toString('utf8')) as PageModel;
    return unpackFindings(model.findings)
      .filter((f) => f.rule === RULE)
      .map((f) => `${f.file}:${f.line}`);
  },
};

let report: Report;
beforeAll(() => {
  if (!existsSync(path.join(repo, 'dist/cli.cjs'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  report = JSON.parse(run('json')) as Report;
});

describe('the capacity-ledger example', () => {
  it('has a ledger whose third deployment passes the cap, in go-live order', () => {
    const entry = report.ledger?.find((e) => e.approval === 'MSFT-CAP-2027-004');
    expect(entry).toMatchObject({ maxTotalGpus: 400000, maxTotalMegawatts: 3000 });
    expect(entry?.deployments.map((d) => [d.name, d.date, d.gpus, d.cumulativeGpus, d.cumulativeMegawatts])).toEqual([
      ['stargate-shackelford-1', '2027-04-01', 120000, 120000, 700],
      ['stargate-shackelford-2', '2027-09-01', 120000, 240000, 1400],
      ['stargate-lordstown', '2028-02-01', 180000, 420000, 2400],
      ['stargate-dona-ana', '2028-06-01', 60000, 480000, 2750],
    ]);
    // Only an approval with a cap has a ledger: MSFT-CAP-2026-001 and -002 cover deployments of the run too.
    expect(report.ledger?.map((e) => e.approval)).toEqual(['MSFT-CAP-2027-004']);
  });

  it('gives approval-total-exceeded on the third and fourth deployment only, with the cumulative total in the message', () => {
    const findings = report.findings.filter((f) => f.rule === RULE);
    expect(findings.map((f) => [f.deployment, f.file, f.path, f.waived])).toEqual([
      ['stargate-lordstown', FILE, 'spec.approval.reference', false],
      ['stargate-dona-ana', FILE, 'spec.approval.reference', false],
    ]);
    expect(findings[0]?.message).toContain('cumulative 420,000 GPUs against 400,000 approved under MSFT-CAP-2027-004');
    expect(findings[1]?.message).toContain('cumulative 480,000 GPUs against 400,000 approved under MSFT-CAP-2027-004');
    expect(findings[0]?.evidence).toEqual([
      { path: 'approval.cumulativeGpus', actual: 420000, operator: 'greaterThan', expected: 400000, text: 'approval.cumulativeGpus is 420000 (violation when it is greater than 400000)' },
    ]);
    // The position is that of the deployment's spec.approval.reference, as the ledger row says.
    const rows = report.ledger?.find((e) => e.approval === 'MSFT-CAP-2027-004')?.deployments ?? [];
    expect(findings.map((f) => [f.line, f.column])).toEqual(rows.slice(2).map((d) => [d.line, d.column]));
  });

  it.each(formatNames)('shows them on the third and fourth deployment only in --format %s', (format) => {
    const extract = extractors[format];
    if (!extract) throw new Error(`no extractor for --format ${format}: add one to this test, so the ledger example is checked in every format`);
    const byPosition = report.findings.filter((f) => f.rule === RULE).map((f) => `${f.file}:${f.line}`);
    const expected = format === 'junit' || format === 'markdown' ? ['stargate-lordstown', 'stargate-dona-ana'] : byPosition;
    expect(byPosition).toEqual([`${FILE}:70`, `${FILE}:89`]);
    expect(extract(format === 'json' ? JSON.stringify(report) : run(format))).toEqual(expected);
  });
});
