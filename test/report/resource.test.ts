// Findings and problems on a Terraform plan carry `resource` (the instance address) and `pointer`:
// every format shows the address, since the plan is rarely in the diff and mostly one long line.
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/formats.js';
import type { Finding, Problem, Report } from '../../src/types.js';
import { vendorFile } from '../support/vendor.js';
import { options, sampleReport } from './sample-report.js';

const resource = 'module.trainer["a"].aws_instance.api_p5[0]';
const base = sampleReport.findings[0] as Finding;
const finding: Finding = { ...base, file: 'plan.json', line: 1, column: 6000, resource, pointer: '/resource_changes/3/change/after/tags_all/accord-workload', waived: false };
delete finding.waiver;
const problem: Problem = { file: 'plan.json', line: 1, column: 900, code: 'TF_UNKNOWN_SKU', message: `${resource}: "trn1.32xlarge" is not in the table`, resource, pointer: '/resource_changes/3/change/after/instance_type' };
const report: Report = { ...sampleReport, findings: [finding], problems: [problem], summary: { ...sampleReport.summary, problems: 1 } };
const format = (name: Parameters<typeof formatReport>[1]) => formatReport(report, name, options);

describe('the resource address in every format', () => {
  it('text: after the rule, before the message; a problem message that names it already is not doubled', () => {
    const text = format('text');
    expect(text).toContain(`plan.json:1:6000  error    ${finding.rule}  ${resource}: ${finding.message}`);
    expect(text).toContain(`plan.json:1:900  problem  TF_UNKNOWN_SKU  ${problem.message}`);
    expect(text).not.toContain(`${resource}: ${resource}`);
  });

  it('json: resource and pointer are fields of the finding and the problem', () => {
    const json = JSON.parse(format('json')) as Report;
    expect(json.findings[0]).toMatchObject({ resource, pointer: finding.pointer });
    expect(json.problems[0]).toMatchObject({ resource, pointer: problem.pointer });
  });

  it('sarif: a logical location of kind resource, still valid SARIF 2.1.0', () => {
    const sarif = JSON.parse(format('sarif'));
    expect(sarif.runs[0].results[0].locations[0].logicalLocations).toContainEqual({ fullyQualifiedName: resource, kind: 'resource' });
    expect(sarif.runs[0].results[0].properties).toMatchObject({ resource, pointer: finding.pointer });
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(vendorFile('sarif-schema-2.1.0.json'), 'utf8')));
    validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('github: the annotation message starts with the address', () => {
    const lines = format('github').split('\n');
    expect(lines.find((l) => l.includes(`title=${finding.rule}`))).toMatch(/::module\.trainer\["a"\]\.aws_instance\.api_p5\[0\]: /);
  });

  it('junit and markdown: the address is in the failure text and the row', () => {
    expect(format('junit')).toContain(`${resource.replace(/"/g, '&quot;')}: `);
    const escaped = resource.replace(/[\\`*_[\]|~]/g, '\\$&');
    expect(format('markdown')).toContain(`| ${escaped}: ${finding.message.replace(/[\\`*_[\]|~]/g, '\\$&')}`);
  });
});
