/** 16 MB of table at most before any name comes; it still grows past this as names do. */
const MAX_INITIAL_CAPACITY = 1 << 20;
const SLOT = 4;

/**
 * Remembers every deployment name of a run in bounded memory: a fleet inventory holds a million,
 * and a Map of the names alone would take over 100 MB. Names are kept as 64-bit hashes (two
 * independent 32-bit hashes) in an open-addressing table with the first occurrence's file and line.
 * Two different names would have to collide in all 64 bits to be taken for a duplicate, and even
 * then the run fails (exit 2) rather than passes. The hashes are seeded afresh for every registry,
 * so no file can be written to collide (or to pile names into one run of slots) on purpose.
 */
export class NameRegistry {
  /** Four words a slot: the two hashes, the 1-based line of the first occurrence (0: an empty slot), its file. */
  private slots: Uint32Array | undefined;
  private capacity = 16;
  private size = 0;
  /** The first name, kept until a second one comes: a run of one deployment (policy.check) makes no table. */
  private first: readonly [a: number, b: number, line: number, file: number] | undefined;
  private readonly seedA = randomSeed();
  private readonly seedB = randomSeed();

  /** `expected`: how many names the run will likely claim (its file count), so the table need not grow as they come. */
  constructor(expected = 0) {
    while (this.capacity < expected * 2 && this.capacity < MAX_INITIAL_CAPACITY) this.capacity *= 2;
  }

  /** Records the name; returns where it was first seen when it was seen before. */
  claim(name: string, file: number, line: number): { file: number; line: number } | undefined {
    const [a, b] = hashes(name, this.seedA, this.seedB);
    if (!this.slots) {
      if (!this.first) {
        this.first = [a, b, Math.max(1, line), file];
        return undefined;
      }
      this.slots = new Uint32Array(this.capacity * SLOT);
      this.put(this.slots, ...this.first);
    }
    if ((this.size + 1) * 2 * SLOT > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const seen = slots[at + 2] as number;
      if (seen === 0) {
        write(slots, at, a, b, Math.max(1, line), file);
        this.size++;
        return undefined;
      }
      if (slots[at] === a && slots[at + 1] === b) return { file: slots[at + 3] as number, line: seen };
    }
  }

  /** Puts a name known to be new into the first free slot from its own. */
  private put(slots: Uint32Array, a: number, b: number, line: number, file: number): void {
    const mask = slots.length / SLOT - 1;
    let slot = a & mask;
    while (slots[slot * SLOT + 2] !== 0) slot = (slot + 1) & mask;
    write(slots, slot * SLOT, a, b, line, file);
    this.size++;
  }

  private grow(): void {
    const old = this.slots as Uint32Array;
    const slots = new Uint32Array(old.length * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] !== 0) this.put(slots, old[at] as number, old[at + 1] as number, old[at + 2] as number, old[at + 3] as number);
    }
    this.slots = slots;
  }
}

function write(slots: Uint32Array, at: number, a: number, b: number, line: number, file: number): void {
  slots[at] = a;
  slots[at + 1] = b;
  slots[at + 2] = line;
  slots[at + 3] = file;
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
