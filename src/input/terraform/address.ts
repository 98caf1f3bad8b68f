/** One step of a Terraform traversal: an attribute name or an index key. */
export type Step = { name: string } | { key: string | number };

/** A module instance on the path to a resource: `module.trainer["a"]` is `{ name: 'trainer', key: 'a' }`. */
export interface ModuleStep {
  name: string;
  key?: string | number;
}

/**
 * Splits an address or reference (`module.a["x"].aws_instance.b[0].id`) into its steps. Keys are
 * written as Terraform writes them (Go-quoted strings, integers); undefined for anything else.
 */
export function traversal(text: string): Step[] | undefined {
  const steps: Step[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const key = readKey(text, i);
      if (!key) return undefined;
      steps.push({ key: key.value });
      i = key.end;
    } else {
      let end = i;
      while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
      if (end === i) return undefined;
      steps.push({ name: text.slice(i, end) });
      i = end;
    }
    if (text[i] === '.') {
      i++;
      if (i === text.length) return undefined;
    } else if (i < text.length && text[i] !== '[') return undefined;
  }
  return steps;
}

function readKey(text: string, open: number): { value: string | number; end: number } | undefined {
  if (text[open + 1] === '"') {
    let j = open + 2;
    for (; j < text.length && text[j] !== '"'; j++) if (text[j] === '\\') j++;
    if (text[j + 1] !== ']') return undefined;
    const quoted = text.slice(open + 1, j + 1);
    let value: string;
    try {
      value = JSON.parse(quoted) as string;
    } catch {
      value = quoted.slice(1, -1); // a Go escape JSON does not know (\x, \a): the written text still identifies the key
    }
    return { value, end: j + 2 };
  }
  const close = text.indexOf(']', open);
  const digits = text.slice(open + 1, close);
  if (close === -1 || !/^\d+$/.test(digits)) return undefined;
  return { value: Number(digits), end: close + 1 };
}

/** The module instances of a `module_address` (`module.a["x"].module.b`); undefined when it is not one. */
export function moduleSteps(moduleAddress: string | undefined): ModuleStep[] | undefined {
  if (moduleAddress === undefined || moduleAddress === '') return [];
  const steps = traversal(moduleAddress);
  if (!steps) return undefined;
  const modules: ModuleStep[] = [];
  for (let i = 0; i < steps.length; ) {
    const keyword = steps[i];
    const name = steps[i + 1];
    if (!keyword || !('name' in keyword) || keyword.name !== 'module' || !name || !('name' in name)) return undefined;
    const key = steps[i + 2];
    if (key && 'key' in key) {
      modules.push({ name: name.name, key: key.key });
      i += 3;
    } else {
      modules.push({ name: name.name });
      i += 2;
    }
  }
  return modules;
}

/** A string that identifies a module instance path, for maps. */
export function modulePathKey(modules: readonly ModuleStep[]): string {
  return JSON.stringify(modules.map((m) => (m.key === undefined ? [m.name] : [m.name, m.key])));
}

/** What a configuration reference names. */
export type Reference =
  | { kind: 'resource'; type: string; name: string; key?: string | number }
  | { kind: 'var'; name: string }
  | { kind: 'module'; call: string; key?: string | number; output?: string }
  | { kind: 'other' };

const notResources = new Set(['local', 'each', 'count', 'path', 'terraform', 'self', 'data']);

export function parseReference(text: string): Reference {
  const steps = traversal(text);
  const [first, second, third, fourth] = steps ?? [];
  if (!first || !('name' in first) || !second || !('name' in second)) return { kind: 'other' };
  if (first.name === 'var') return { kind: 'var', name: second.name };
  if (first.name === 'module') {
    const keyed = third !== undefined && 'key' in third;
    const output = keyed ? fourth : third;
    return {
      kind: 'module',
      call: second.name,
      ...(keyed ? { key: third.key } : {}),
      ...(output && 'name' in output ? { output: output.name } : {}),
    };
  }
  if (notResources.has(first.name)) return { kind: 'other' };
  return { kind: 'resource', type: first.name, name: second.name, ...(third && 'key' in third ? { key: third.key } : {}) };
}
