import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const MAX_AUX_FILE_BYTES = 256 * 1024;

/** Reads small files phase 2 asks about (`.gitattributes`, `*.dvc`, LFS pointers), never outside the root. */
export function auxiliaryReader(root: string): (path: string) => string | null {
  return (path) => {
    const absolute = resolve(root, path);
    if (relative(root, absolute).startsWith('..')) return null;
    try {
      if (statSync(absolute).size > MAX_AUX_FILE_BYTES) return null;
      return readFileSync(absolute, 'utf8');
    } catch {
      return null;
    }
  };
}
