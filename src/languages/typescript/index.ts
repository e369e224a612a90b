import { emptyFacts } from '../../core/facts';
import type { ExtractOptions, ExtractResult, FrontEnd, SourceFile } from '../../core/frontend';
import { LastParses } from '../edits';
import { acceptsPath, isMinified } from './files';

type Compiler = typeof import('./compiler');
let compiler: Compiler | undefined;

/**
 * The compiler costs ~50 MB once loaded: it loads with the first TS/JS file, not with the
 * front-end, so a Python-only workspace (or a worker given only Python files) never pays it.
 */
function loadCompiler(): Compiler {
  return compiler ??= require('./compiler') as Compiler;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The TypeScript/JavaScript front-end: `.ts .tsx .mts .cts .js .jsx .mjs .cjs`
 * (not `.d.ts`), read with the TypeScript compiler's parser alone (no Program,
 * no type checker: a whole workspace must parse in seconds). `parse` is the bare
 * parse, for benchmarks.
 */
export function createTypeScriptFrontEnd(): FrontEnd & { parse(text: string, path: string): unknown } {
  const lastParses = new LastParses<import('typescript').SourceFile>();
  return {
    id: 'typescript',
    language: 'typescript',
    accepts: acceptsPath,
    parse: (text: string, path: string) => loadCompiler().parseSource(text, path),
    extract(file: SourceFile, options?: ExtractOptions): ExtractResult {
      if (isMinified(file.text)) return { facts: emptyFacts(), syntaxErrors: 0, skipped: 'minified' };
      try {
        const { parseSource, reparseSource, extractFacts, syntaxErrorCount } = loadCompiler();
        const last = options?.editing ? lastParses.take(file.path) : undefined;
        const sourceFile = last ? reparseSource(last.parse, last.text, file.text) : parseSource(file.text, file.path);
        const result = { facts: extractFacts(sourceFile, file.path), syntaxErrors: syntaxErrorCount(sourceFile) };
        if (options?.editing) lastParses.keep(file.path, file.text, sourceFile);
        return result;
      } catch (error) {
        // the compiler's parser recurses: 5,000-deep nesting overflows it (and would our resolvers)
        if (isStackOverflow(error)) return { facts: emptyFacts(), syntaxErrors: 0, skipped: 'nesting too deep to parse' };
        throw error;
      }
    },
  };
}
