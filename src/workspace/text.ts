/**
 * Turns file bytes into text, or says why it cannot: binary content, or an
 * encoding we do not read. UTF-8 (BOM stripped) and UTF-16 with a BOM are read.
 */
export type DecodedText = { text: string } | { reason: string };

/** Git's heuristic: a NUL byte in the first 8 KB means binary. */
const binaryProbeBytes = 8192;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.subarray(0, binaryProbeBytes).includes(0)) return { reason: 'binary' };
  try {
    // The decoder drops a leading UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: 'not UTF-8 text' };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { reason: `not valid ${encoding.toUpperCase()} text` };
  }
}
