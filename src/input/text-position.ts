import type { Position } from '../types.js';

/** Maps string offsets to 1-based line/column; built once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string, private readonly firstLine = 1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + this.firstLine, column: offset - (this.starts[lo] as number) + 1 };
  }
}
