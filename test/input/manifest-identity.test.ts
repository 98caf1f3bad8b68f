import { describe, expect, it } from 'vitest';
import { identify } from '../../src/input/manifest-identity.js';

describe('identify: is a document an accord manifest, another tool\'s, or a near miss', () => {
  it('an accord manifest: apiVersion accord/v1 and kind Deployment', () => {
    expect(identify({ apiVersion: 'accord/v1', kind: 'Deployment', spec: 'anything: the schema checks the rest' })).toEqual({ is: 'manifest' });
  });

  it.each([
    ['package.json', { name: 'app', version: '1.0.0', scripts: {} }],
    ['tsconfig.json', { compilerOptions: { strict: true } }],
    ['a GitHub workflow', { name: 'ci', on: 'push', jobs: {} }],
    ['docker-compose.yml', { services: { web: { image: 'nginx' } } }],
    ['a Kubernetes Deployment (apps/v1)', { apiVersion: 'apps/v1', kind: 'Deployment' }],
    ['a Kubernetes Service (v1)', { apiVersion: 'v1', kind: 'Service' }],
    ['an Argo CD Application', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' }],
    ['a batch/v1 Job', { apiVersion: 'batch/v1', kind: 'Job' }],
    ['an apiVersion that is not a string', { apiVersion: 1, kind: 'Thing' }],
    ['an array', [{ apiVersion: 'accord/v1' }]],
    ['a string', 'text'],
    ['a number', 42],
    ['null', null],
  ])('another tool\'s: %s', (_, value) => {
    expect(identify(value)).toEqual({ is: 'foreign' });
  });

  it.each([
    ['acord/v1', 'apiVersion', /^"acord\/v1" is not an apiVersion accord reads \(accord\/v1\); did you mean "accord\/v1"\?$/],
    ['accord/v2', 'apiVersion', /"accord\/v2" .*did you mean "accord\/v1"\?/],
    ['Accord/v1', 'apiVersion', /"Accord\/v1" .*did you mean "accord\/v1"\?/],
    ['ACCORD/V1', 'apiVersion', /did you mean "accord\/v1"\?/],
    ['accord', 'apiVersion', /"accord" is not an apiVersion accord reads \(accord\/v1\)/],
    ['example.com/accord/v1', 'apiVersion', /"example.com\/accord\/v1" is not an apiVersion accord reads/],
    ['accrod/v1', 'apiVersion', /did you mean "accord\/v1"\?/],
  ])('a near miss of the apiVersion: %s', (apiVersion, field, message) => {
    const identity = identify({ apiVersion, kind: 'Deployment' });
    expect(identity).toMatchObject({ is: 'near-miss', field });
    expect(identity.is === 'near-miss' && identity.message).toMatch(message);
  });

  it.each([
    ['Deploymnet', /^"Deploymnet" is not a kind of accord\/v1 \(it reads Deployment\); did you mean "Deployment"\?$/],
    ['deployment', /did you mean "Deployment"\?/],
    ['Approval', /^"Approval" is not a kind of accord\/v1 \(it reads Deployment\)$/],
    [undefined, /^\(missing\) is not a kind of accord\/v1/],
  ])('accord/v1 with another kind: %s', (kind, message) => {
    const identity = identify({ apiVersion: 'accord/v1', kind });
    expect(identity).toMatchObject({ is: 'near-miss', field: 'kind' });
    expect(identity.is === 'near-miss' && identity.message).toMatch(message);
  });

  it('no apiVersion but accord\'s kind: a manifest that lost its first line, not another tool\'s', () => {
    expect(identify({ kind: 'Deployment', metadata: {}, spec: {} })).toMatchObject({ is: 'near-miss', field: 'apiVersion', message: expect.stringMatching(/^missing/) });
    expect(identify({ kind: 'Deploymnet' })).toMatchObject({ is: 'near-miss', field: 'apiVersion' });
  });
});
