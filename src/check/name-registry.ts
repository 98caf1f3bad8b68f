/** 16 MB of table at most before any name comes; it still grows past this as names do. */
const MAX_INITIAL_CAPACITY = 1 << 20;

/**
 * Remembers every deployment name of a run in bounded memory: a fleet inventory holds a million,
 * and a Map of the names alone would take over 100 MB. Names are kept as 64-bit hashes (two
 * independent 32-bit hashes) in an open-addressing table with the first occurrence's file and line.
 * Two different names would have to collide in all 64 bits to be taken for a duplicate, and even
 * then the run fails (exit 2) rather than passes. The hashes are seeded afresh for every registry,
 * so no file can be written to collide (or to pile names into one run of slots) on purpose.
 */
export class NameRegistry {
  private hashA: Uint32Array;
  private hashB: Uint32Array;
  /** 0 marks an empty slot; otherwise the 1-based line of the first occurrence. */
  private lines: Uint32Array;
  private files: Uint32Array;
  private size = 0;
  private readonly seedA = randomSeed();
  private readonly seedB = randomSeed();

  /** `expected`: how many names the run will likely claim (its file count), so the table need not grow as they come. */
  constructor(expected = 0) {
    let capacity = 16;
    while (capacity < expected * 2 && capacity < MAX_INITIAL_CAPACITY) capacity *= 2;
    this.hashA = new Uint32Array(capacity);
    this.hashB = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.files = new Uint32Array(capacity);
  }

  /** Records the name; returns where it was first seen when it was seen before. */
  claim(name: string, file: number, line: number): { file: number; line: number } | undefined {
    if ((this.size + 1) * 2 > this.lines.length) this.grow();
    const [a, b] = hashes(name, this.seedA, this.seedB);
    const mask = this.lines.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const seen = this.lines[slot] as number;
      if (seen === 0) {
        this.hashA[slot] = a;
        this.hashB[slot] = b;
        this.lines[slot] = Math.max(1, line);
        this.files[slot] = file;
        this.size++;
        return undefined;
      }
      if (this.hashA[slot] === a && this.hashB[slot] === b) return { file: this.files[slot] as number, line: seen };
    }
  }

  private grow(): void {
    const old = { a: this.hashA, b: this.hashB, lines: this.lines, files: this.files };
    const capacity = old.lines.length * 2;
    this.hashA = new Uint32Array(capacity);
    this.hashB = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.files = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < old.lines.length; i++) {
      if (old.lines[i] === 0) continue;
      let slot = (old.a[i] as number) & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.hashA[slot] = old.a[i] as number;
      this.hashB[slot] = old.b[i] as number;
      this.lines[slot] = old.lines[i] as number;
      this.files[slot] = old.files[i] as number;
    }
  }
}

/** A 32-bit seed; unpredictable enough against crafted names, and no node:crypto to load. */
function randomSeed(): number {
  return (Math.random() * 0x1_0000_0000) >>> 0;
}

/** FNV-1a and a multiply-xorshift hash over the UTF-16 code units, each from its own seed. */
function hashes(text: string, seedA: number, seedB: number): [number, number] {
  let a = 0x811c9dc5 ^ seedA;
  let b = seedB ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b ^ (b >>> 13)) >>> 0];
}
