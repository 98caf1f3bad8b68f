/**
 * A glob over resource addresses: `*` is any run of characters except `.`, `**` any run; every
 * other character is literal, `[`, `]` and `"` included (picomatch would read `[...]` as a class
 * and break every `count` address).
 */
export function addressGlob(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '*') {
      if (pattern[i + 1] === '*') {
        source += '.*';
        while (pattern[i + 1] === '*') i++;
      } else source += '[^.]*';
    } else source += (pattern[i] as string).replace(/[\\^$.|?+()[\]{}/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
