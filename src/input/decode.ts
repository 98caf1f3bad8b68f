/** Decodes file bytes to text: UTF-8 (BOM dropped) or UTF-16 with a BOM (e.g. a PowerShell redirect). */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'not UTF-8 text (save it as UTF-8, or UTF-16 with a byte-order mark)' };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'binary content (a NUL byte): not a text file' };
  return { ok: true, text, encoding: 'utf-8' };
}

function decodeWith(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return { ok: false, message: 'binary content (a NUL character): not a text file' };
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, message: `not valid ${encoding.toUpperCase()} text` };
  }
}
