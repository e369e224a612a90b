/**
 * A short, stable, non-cryptographic hash (two FNV-1a 32-bit lanes) for cache
 * keys and fingerprints. The engine runs without Node's crypto (browser hosts),
 * and nothing here needs collision resistance against an attacker.
 */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
