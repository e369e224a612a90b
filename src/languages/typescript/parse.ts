import ts from 'typescript';
import { changedSpan } from '../../core/lines';
import { extensionOf, type ScriptExtension } from './files';

const SCRIPT_KINDS: Readonly<Record<ScriptExtension, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
};

/** Parses one file on its own (no Program, no type checker), with the script kind of its extension. */
export function parseSource(text: string, path: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, SCRIPT_KINDS[extensionOf(path) as ScriptExtension] ?? ts.ScriptKind.TS);
}

/**
 * Parses the new version of a file from the parse of its last version (the compiler's
 * incremental parser, as editors use it: unchanged nodes are reused). The last parse must not
 * be used afterwards.
 */
export function reparseSource(last: ts.SourceFile, lastText: string, text: string): ts.SourceFile {
  if (lastText === text) return last;
  const { start, oldEnd, newEnd } = changedSpan(lastText, text);
  return ts.updateSourceFile(last, text, ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start));
}

/** Syntax errors the parser recovered from (the compiler keeps them on the source file). */
export function syntaxErrorCount(sourceFile: ts.SourceFile): number {
  return (sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
}
