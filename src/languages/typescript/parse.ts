import ts from 'typescript';

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
};

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

/** TS/JS sources the front-end reads; declaration files describe types, not behaviour. */
export function acceptsPath(path: string): boolean {
  return extensionOf(path) in SCRIPT_KINDS && !/\.d\.[cm]?ts$/i.test(path);
}

export function isTypeScriptPath(path: string): boolean {
  return ['.ts', '.tsx', '.mts', '.cts'].includes(extensionOf(path));
}

/**
 * Minified bundles (more than 1 MB with lines averaging over 1,000 characters)
 * are build output, not application code: reading them costs seconds and finds
 * the SDK's own internals, so they are skipped with reason `minified`.
 */
export const MINIFIED_MIN_BYTES = 1_000_000;
export const MINIFIED_MIN_AVERAGE_LINE = 1_000;

export function isMinified(text: string): boolean {
  if (text.length <= MINIFIED_MIN_BYTES) return false;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.length / lines > MINIFIED_MIN_AVERAGE_LINE;
}

/** Parses one file on its own (no Program, no type checker), with the script kind of its extension. */
export function parseSource(text: string, path: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, SCRIPT_KINDS[extensionOf(path)] ?? ts.ScriptKind.TS);
}

/** Syntax errors the parser recovered from (the compiler keeps them on the source file). */
export function syntaxErrorCount(sourceFile: ts.SourceFile): number {
  return (sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
}
