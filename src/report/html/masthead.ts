import type { FailOn, Report } from '../../types.js';
import { exitCode, isFailing } from '../exit-code.js';
import { html } from './escape.js';

/** The page's header, rendered here so it reads without the script: the verdict, the counts, what was checked. */
export function masthead(report: Report, failOn: FailOn): string {
  const code = exitCode(report, failOn);
  const { summary, rulePack } = report;
  const counts: [keyof typeof summary, string][] = [
    ['files', 'Files'],
    ['deployments', 'Deployments'],
    ['errors', 'Errors'],
    ['warnings', 'Warnings'],
    ['infos', 'Infos'],
    ['waived', 'Waived'],
    ['problems', 'Problems'],
  ];
  const tiles = counts.map(([key, label]) => `<div class="count count-${key}${summary[key] > 0 ? ' nonzero' : ''}" data-count="${key}"><dt>${label}</dt><dd data-value="${summary[key]}">${thousands(summary[key])}</dd></div>`);
  return `<header class="masthead">
<div class="masthead-top">
<h1>accord report</h1>
<p class="verdict verdict-${code === 0 ? 'pass' : 'fail'}" data-verdict="${code === 0 ? 'pass' : 'fail'}" data-exit-code="${code}"><strong>${code === 0 ? 'PASS' : 'FAIL'}</strong> <span>${html(verdictReason(report, failOn, code))}</span></p>
</div>
<dl class="counts">${tiles.join('')}</dl>
<dl class="facts">
<div><dt>Rule pack</dt><dd><span data-field="pack">${html(rulePack.name)} ${html(rulePack.version)}</span> (${html(rulePack.rules)} rules)</dd></div>
<div><dt>Pack sha256</dt><dd><code data-field="sha256">${html(rulePack.sha256)}</code></dd></div>
<div><dt>As of</dt><dd><time data-field="as-of" datetime="${html(report.asOf)}">${html(report.asOf)}</time></dd></div>
<div><dt>Fails on</dt><dd><code>--fail-on ${html(failOn)}</code>, exit code ${code}</dd></div>
<div><dt>Tool</dt><dd>${html(report.tool.name)} ${html(report.tool.version)}</dd></div>
</dl>
</header>`;
}

function verdictReason(report: Report, failOn: FailOn, code: 0 | 1 | 2): string {
  const problems = report.problems.length;
  if (code === 2) return `${problems} problem${problems === 1 ? '' : 's'}: some input could not be checked, so the run cannot pass`;
  if (failOn === 'never') return 'report only (--fail-on never): findings do not fail the run';
  const failing = report.findings.filter((f) => isFailing(f.severity, f.waived, failOn)).length;
  const level = failOn === 'error' ? 'errors' : 'errors or warnings';
  if (code === 1) return `${failing} active finding${failing === 1 ? '' : 's'} at the --fail-on level (${level})`;
  return `no active finding at the --fail-on level (${level})`;
}

/** `10,000`: digits grouped the same way on every machine (toLocaleString follows the ICU data Node was built with). */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
