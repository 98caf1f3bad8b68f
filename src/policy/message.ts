import { resolvePath } from './facts.js';
import type { Facts } from './compile.js';

type Part = string | { fact: string; path: string[] };

/** Rule messages split once into text and placeholders: a message is rendered for every finding. */
const templates = new Map<string, readonly Part[]>();

/** Fills `{{fact.path}}` placeholders; the placeholders were checked when the rule loaded. */
export function renderMessage(template: string, facts: Facts): string {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = split(template)));
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = resolvePath(facts[part.fact], part.path);
    out += value === undefined || value === '' ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
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
