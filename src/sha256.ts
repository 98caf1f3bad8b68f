import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 in plain JavaScript: loading node:crypto costs about 18 ms, which every hook run would pay. */
export function createSha256(): { update(data: string | Uint8Array): void; hex(): string } {
  const hash = sha256.create();
  return {
    update(data) {
      hash.update(typeof data === 'string' ? utf8ToBytes(data) : data);
    },
    hex: () => bytesToHex(hash.digest()),
  };
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
