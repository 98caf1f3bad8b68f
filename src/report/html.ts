import { createHash } from 'node:crypto';
import { exitCode } from './exit-code.js';
import type { Formatter } from './format-types.js';
import { chartLibrary, pageScript, pageStyle } from './generated/html-page.js';
import { html } from './html/escape.js';
import { masthead } from './html/masthead.js';
import { encodePageData } from './html/page-data.js';
import { pageModel } from './html/page-model.js';
import { noticesSection, problemsSection } from './html/problems-and-notices.js';

/**
 * One self-contained page: the header, problems and notices are rendered here; the charts and the
 * findings table by the inlined script (page/, with Chart.js) from the page model in a data block.
 * The Content-Security-Policy allows that script and style by hash and nothing else: no request
 * of any kind, so the page opens from disk, offline, and report data cannot run as code.
 */
export const formatHtml: Formatter = (report, options) => {
  const csp = [`default-src 'none'`, `script-src '${digest(pageScript)}'`, `style-src '${digest(pageStyle)}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  const verdict = exitCode(report, options.failOn) === 0 ? 'PASS' : 'FAIL';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>accord report: ${verdict}, ${html(report.rulePack.name)} ${html(report.rulePack.version)} as of ${html(report.asOf)}</title>
<style>${pageStyle}</style>
</head>
<body>
<a class="skip-link" href="#findings">Skip to findings</a>
${masthead(report, options.failOn)}
<main>
<section id="capacity" aria-labelledby="capacity-title">
<h2 id="capacity-title">Capacity, approvals and waivers</h2>
<div class="charts" id="charts"><p class="needs-script">The charts need JavaScript.</p></div>
</section>
<section id="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Findings <span class="tally" data-tally="findings">${report.findings.length}</span></h2>
<div id="findings-app"><p class="needs-script">The findings table needs JavaScript; the JSON report (--format json) has the same findings.</p></div>
</section>
${problemsSection(report.problems)}
${noticesSection(report.notices)}
</main>
<footer>Made by ${html(report.tool.name)} ${html(report.tool.version)}. Charts drawn by ${html(chartLibrary.name)} ${html(chartLibrary.version)} (${html(chartLibrary.license)} licence), inlined; this page makes no network request.</footer>
<script type="application/octet-stream" id="accord-data" data-encoding="json+deflate+base64">${encodePageData(pageModel(report))}</script>
<script>${pageScript}</script>
</body>
</html>
`;
};

/** A CSP source for an inline element's exact text. */
function digest(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
