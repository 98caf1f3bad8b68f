import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moduleSteps, parseReference, traversal } from '../../../src/input/terraform/address.js';
import { addressGlob } from '../../../src/input/terraform/address-glob.js';
import { nameFromAddress } from '../../../src/input/terraform/names.js';

describe('deployment names from addresses (convention 4)', () => {
  it('drops module. prefixes, lowercases, and turns runs of other characters into one -', () => {
    expect(nameFromAddress('module.trainer["a"].aws_instance.node')).toBe('trainer-a-aws-instance-node');
    expect(nameFromAddress('aws_instance.api_p5[0]')).toBe('aws-instance-api-p5-0');
    expect(nameFromAddress('module.a.module.b["X Y"].google_compute_instance.n')).toBe('a-b-x-y-google-compute-instance-n');
    expect(nameFromAddress('aws_instance.x["module.y"]')).toBe('aws-instance-x-module-y');
  });

  it('cuts a name over 63 characters to 54, a -, and 8 hex digits of the address SHA-256', () => {
    const address = `module.${'very_long_module_name_'.repeat(3)}.azurerm_linux_virtual_machine_scale_set.pool["east"]`;
    const name = nameFromAddress(address);
    expect(name).toMatch(/^[a-z0-9-]{54}-[0-9a-f]{8}$/);
    expect(name).toBe(nameFromAddress(address));
    expect(nameFromAddress(`${address}x`)).not.toBe(name);
  });

  it('always gives a valid manifest name for any address Terraform can write', () => {
    const ident = fc.stringMatching(/^[a-z][a-z0-9_-]{0,30}$/);
    const key = fc.oneof(fc.nat().map((n) => `[${n}]`), fc.string({ maxLength: 20 }).map((s) => `[${JSON.stringify(s)}]`), fc.constant(''));
    const address = fc.tuple(fc.array(fc.tuple(ident, key), { maxLength: 3 }), ident, ident, key).map(([mods, type, name, k]) => [...mods.map(([m, mk]) => `module.${m}${mk}`), `${type}_x.${name}${k}`].join('.'));
    fc.assert(fc.property(address, (a) => /^[a-z0-9-]{1,63}$/.test(nameFromAddress(a))), { numRuns: 2000 });
  });
});

describe('addresses and references', () => {
  it('splits a traversal into names and keys', () => {
    expect(traversal('module.a["x.y"].aws_instance.b[0].id')).toEqual([{ name: 'module' }, { name: 'a' }, { key: 'x.y' }, { name: 'aws_instance' }, { name: 'b' }, { key: 0 }, { name: 'id' }]);
    expect(traversal('a.b[')).toBeUndefined();
    expect(traversal('a..b')).toBeUndefined();
  });

  it('reads module addresses into module steps', () => {
    expect(moduleSteps('module.a["x"].module.b')).toEqual([{ name: 'a', key: 'x' }, { name: 'b' }]);
    expect(moduleSteps(undefined)).toEqual([]);
    expect(moduleSteps('aws_instance.a')).toBeUndefined();
  });

  it('tells resource, variable and module-output references apart', () => {
    expect(parseReference('aws_launch_template.x[0].id')).toEqual({ kind: 'resource', type: 'aws_launch_template', name: 'x', key: 0 });
    expect(parseReference('var.template_id')).toEqual({ kind: 'var', name: 'template_id' });
    expect(parseReference('module.t["a"].id')).toEqual({ kind: 'module', call: 't', key: 'a', output: 'id' });
    expect(parseReference('module.t')).toEqual({ kind: 'module', call: 't' });
    expect(parseReference('data.aws_launch_template.x.id')).toEqual({ kind: 'other' });
    expect(parseReference('local.id')).toEqual({ kind: 'other' });
  });
});

describe('mapping globs over addresses', () => {
  const matches = (glob: string, address: string): boolean => addressGlob(glob).test(address);

  it('reads [, ] and " literally, so count and for_each addresses match as written', () => {
    expect(matches('aws_instance.node[0]', 'aws_instance.node[0]')).toBe(true);
    expect(matches('aws_instance.node[0]', 'aws_instance.node0')).toBe(false);
    expect(matches('module.trainer["a"].aws_instance.node', 'module.trainer["a"].aws_instance.node')).toBe(true);
  });

  it('* stops at a dot, ** does not', () => {
    expect(matches('module.trainer["*"].aws_instance.node', 'module.trainer["b"].aws_instance.node')).toBe(true);
    expect(matches('aws_instance.*', 'aws_instance.node[3]')).toBe(true);
    expect(matches('*', 'module.a.aws_instance.b')).toBe(false);
    expect(matches('**', 'module.a.aws_instance.b')).toBe(true);
    expect(matches('module.*.aws_instance.b', 'module.a.module.c.aws_instance.b')).toBe(false);
    expect(matches('module.**.aws_instance.b', 'module.a.module.c.aws_instance.b')).toBe(true);
  });

  it('reads every other character literally, regular-expression characters included', () => {
    expect(matches('aws_instance.a+b', 'aws_instance.a+b')).toBe(true);
    expect(matches('aws_instance.a+b', 'aws_instance.aab')).toBe(false);
    expect(matches('aws_instance.a?', 'aws_instance.ab')).toBe(false);
    expect(matches('a.(b|c)', 'a.b')).toBe(false);
  });
});
