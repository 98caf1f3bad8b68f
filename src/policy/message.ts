import { resolvePath } from './facts.js';
import type { Facts } from './compile.js';

/** Fills `{{fact.path}}` placeholders; the placeholders were checked when the rule loaded. */
export function renderMessage(template: string, facts: Facts): string {
  return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const [fact, ...path] = expression.split('.');
    const value = resolvePath(facts[fact as string], path);
    if (value === undefined || value === '') return '(none)';
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
