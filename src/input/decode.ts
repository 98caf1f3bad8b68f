import { isAscii } from 'node:buffer';

/** Decodes file bytes to text: UTF-8 (BOM dropped) or UTF-16 with a BOM (e.g. a PowerShell redirect). */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decode(bytes: Uint8Array): Decoded {
  // Most manifests are ASCII, which is valid UTF-8 and copies byte for byte into a one-byte string.
  if (isAscii(bytes)) return checked(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), 'utf-8', 'a NUL byte');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'not UTF-8 text (save it as UTF-8, or UTF-16 with a byte-order mark)' };
  }
  return checked(text, 'utf-8', 'a NUL byte');
}

function decodeWith(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `not valid ${encoding.toUpperCase()} text` };
  }
  return checked(text, encoding, 'a NUL character');
}

function checked(text: string, encoding: string, nul: string): Decoded {
  if (text.includes('\u0000')) return { ok: false, message: `binary content (${nul}): not a text file` };
  return { ok: true, text, encoding };
}
