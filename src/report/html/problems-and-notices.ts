import type { Notice, Problem } from '../../types.js';
import { html } from './escape.js';

/** Problems (what could not be checked: they fail the run) apart from the findings, rendered here: they read without the script. */
export function problemsSection(problems: readonly Problem[]): string {
  const body =
    problems.length === 0
      ? '<p class="empty">None: every input was read, validated and checked.</p>'
      : `<div class="table-wrap"><table class="problems">
<caption class="visually-hidden">Problems</caption>
<thead><tr><th scope="col">Location</th><th scope="col">Code</th><th scope="col">Message</th><th scope="col">Deployment</th><th scope="col">Field</th></tr></thead>
<tbody>
${problems.map(problemRow).join('\n')}
</tbody>
</table></div>`;
  return `<section id="problems" aria-labelledby="problems-title">
<h2 id="problems-title">Problems <span class="tally" data-tally="problems">${problems.length}</span></h2>
${body}
</section>`;
}

function problemRow(p: Problem): string {
  return `<tr><td><code class="location">${html(location(p))}</code></td><td><code>${html(p.code)}</code></td><td>${html(p.message)}</td><td>${html(p.deployment ?? '')}</td><td>${p.path ? `<code>${html(p.path)}</code>` : ''}</td></tr>`;
}

/** Notices never change the verdict: expiring waivers, rules out of their window, approvals not verified. */
export function noticesSection(notices: readonly Notice[]): string {
  const body =
    notices.length === 0
      ? '<p class="empty">None.</p>'
      : `<ul class="notices">\n${notices.map((n) => `<li><code class="notice-code">${html(n.code)}</code> ${html(n.message)}</li>`).join('\n')}\n</ul>`;
  return `<section id="notices" aria-labelledby="notices-title">
<h2 id="notices-title">Notices <span class="tally" data-tally="notices">${notices.length}</span></h2>
${body}
</section>`;
}

function location(p: Problem): string {
  if (p.line === undefined || p.line < 1) return p.file;
  return p.column !== undefined && p.column >= 1 ? `${p.file}:${p.line}:${p.column}` : `${p.file}:${p.line}`;
}
