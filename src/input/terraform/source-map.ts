import type { PathSegment } from '../../path.js';
import type { Origin } from './types.js';

/** Where each field of a derived manifest came from; a field that is absent answers for its nearest recorded ancestor. */
export class SourceMap {
  private readonly origins = new Map<string, Origin>();

  constructor(root: Origin) {
    this.origins.set('', root);
  }

  set(path: readonly PathSegment[], origin: Origin): void {
    this.origins.set(path.join('\0'), origin);
  }

  origin(segments: readonly PathSegment[]): Origin {
    for (let n = segments.length; n >= 0; n--) {
      const found = this.origins.get(segments.slice(0, n).join('\0'));
      if (found) return found;
    }
    return this.origins.get('') as Origin;
  }
}
