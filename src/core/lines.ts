/**
 * The lines of a text, remembered for the texts asked about last: phase 2 runs again after
 * every edit in the editor and reads the same unchanged files (fingerprints, fixes); only the
 * edited text is new. (V8 keeps a string's hash on the string, so a lookup does not rehash it.)
 */
const remembered = new Map<string, readonly string[]>();
const MAX_REMEMBERED_TEXTS = 1024;

export function linesOf(text: string): readonly string[] {
  let lines = remembered.get(text);
  if (!lines) {
    if (remembered.size >= MAX_REMEMBERED_TEXTS) remembered.clear();
    remembered.set(text, (lines = text.split('\n')));
  }
  return lines;
}
