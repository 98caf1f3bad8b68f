import type { Report } from '../types.js';
import type { FormatName, FormatOptions, Formatter } from './format-types.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const formatters: Readonly<Record<FormatName, Formatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
  html: formatHtml,
};

export const formatNames = Object.keys(formatters) as FormatName[];

export function formatReport(report: Report, format: FormatName, options: FormatOptions): string {
  return formatters[format](report, options);
}
