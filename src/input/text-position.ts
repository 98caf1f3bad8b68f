import type { Position } from '../types.js';

/** Maps string offsets to 1-based line/column; line starts are found as far as the offsets asked for, once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Where the search for the next line start resumes; -1 when the whole text is indexed. */
  private scanned = 0;

  constructor(private readonly text: string, private readonly firstLine = 1) {}

  position(offset: number): Position {
    const starts = this.starts;
    while (this.scanned !== -1 && (starts[starts.length - 1] as number) <= offset) {
      const newline = this.text.indexOf('\n', this.scanned);
      if (newline === -1) this.scanned = -1;
      else {
        starts.push(newline + 1);
        this.scanned = newline + 1;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + this.firstLine, column: offset - (starts[lo] as number) + 1 };
  }
}
