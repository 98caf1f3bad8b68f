import { closestMatch } from 'leven';

/** Longer words are not typos of a field, rule or option name; they are not compared at all. */
const MAX_LENGTH = 100;

/**
 * The candidate a mistyped word most likely meant: one that differs only in case (`Azure`), or is
 * a few edits away (`capcity`, `formt`): one for a word of up to three letters, two (a swap of
 * neighbours, `nmae`) or a third of the word's length for longer ones. Undefined when nothing is
 * that close, so an unrelated word gets no misleading guess.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > MAX_LENGTH) return undefined;
  const lower = word.toLowerCase();
  const sameLetters = candidates.find((c) => c.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters === word ? undefined : sameLetters;
  const maxDistance = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return closestMatch(word, candidates, { maxDistance });
}

/** `; did you mean "capacity"?` to end a message with, or nothing when no candidate is close. */
export function didYouMean(word: string, candidates: readonly string[], show: (name: string) => string = (name) => `"${name}"`): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean ${show(match)}?`;
}
