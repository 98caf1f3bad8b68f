import type { Formatter } from './format-types.js';

/** The JSON contract, version 1 (documented in the README): the report as it is, minus the rule catalogue. */
export const formatJson: Formatter = (report) => {
  const { rules: _rules, ...contract } = report;
  return `${JSON.stringify(contract, null, 2)}\n`;
};
