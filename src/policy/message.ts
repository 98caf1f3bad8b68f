import { resolvePath } from './facts.js';
import type { Facts } from './compile.js';

type Part = string | { fact: string; path: string[] };

/**
 * A rule message's renderer: the template is split into text and `{{fact.path}}` placeholders once,
 * when the rule loads, not for every finding. The placeholders were checked when the rule loaded.
 */
export function compileMessage(template: string): (facts: Facts) => string {
  const parts = split(template);
  return (facts) => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = resolvePath(facts[part.fact], part.path);
      out += value === undefined || value === '' ? '(none)' : typeof value === 'string' ? value : typeof value === 'number' ? groupDigits(value) : JSON.stringify(value);
    }
    return out;
  };
}

/** 420000 → "420,000" (messages are read by people; evidence keeps the number). Exponent forms stay as they are. */
function groupDigits(value: number): string {
  const text = JSON.stringify(value);
  const [whole = '', fraction] = text.split('.');
  if (/e/i.test(text)) return text;
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

function split(template: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    parts.push(template.slice(last, match.index));
    const [fact, ...path] = (match[1] as string).split('.');
    parts.push({ fact: fact as string, path });
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}
