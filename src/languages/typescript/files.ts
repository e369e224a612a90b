/** Which files the TS/JS front-end reads, decided without the compiler (index.ts loads it lazily). */

export const SCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'] as const;
export type ScriptExtension = (typeof SCRIPT_EXTENSIONS)[number];

export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

/** TS/JS sources the front-end reads; declaration files describe types, not behaviour. */
export function acceptsPath(path: string): boolean {
  return (SCRIPT_EXTENSIONS as readonly string[]).includes(extensionOf(path)) && !/\.d\.[cm]?ts$/i.test(path);
}

/**
 * Minified bundles (more than 1 MB with lines averaging over 1,000 characters)
 * are build output, not application code: reading them costs seconds and finds
 * the SDK's own internals, so they are skipped with reason `minified`.
 */
const MINIFIED_MIN_BYTES = 1_000_000;
const MINIFIED_MIN_AVERAGE_LINE = 1_000;

export function isMinified(text: string): boolean {
  if (text.length <= MINIFIED_MIN_BYTES) return false;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.length / lines > MINIFIED_MIN_AVERAGE_LINE;
}
