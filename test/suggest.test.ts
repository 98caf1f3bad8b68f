import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../src/suggest.js';

const providers = ['azure', 'oracle', 'softbank', 'aws', 'gcp', 'coreweave', 'openai', 'other'];
const options = ['rules', 'approvals', 'waivers', 'as-of', 'format', 'output', 'fail-on', 'config', 'exclude'];

describe('closest', () => {
  it.each([
    ['Azure', providers, 'azure'],
    ['AWS', providers, 'aws'],
    ['orcale', providers, 'oracle'],
    ['formt', options, 'format'],
    ['waiver', options, 'waivers'],
    ['failon', options, 'fail-on'],
    ['capcity', ['workload', 'provider', 'capacity', 'endpoints'], 'capacity'],
    ['nmae', ['name', 'date', 'owner'], 'name'],
    ['Deploymnet', ['Deployment'], 'Deployment'],
  ])('%s -> %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });

  it.each([
    ['on-premises', providers],
    ['x', ['at', 'id']],
    ['verbose', options],
    ['', options],
    ['format', options],
    [`${'a'.repeat(200)}`, ['a'.repeat(199)]],
  ])('offers nothing for %j', (word, candidates) => {
    expect(closest(word, candidates)).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('ends a message with the suggestion, shown as asked, or adds nothing', () => {
    expect(didYouMean('Azure', providers)).toBe('; did you mean "azure"?');
    expect(didYouMean('formt', options, (name) => `--${name}`)).toBe('; did you mean --format?');
    expect(didYouMean('zzz', providers)).toBe('');
  });
});
