import { Language, Parser } from 'web-tree-sitter';
import { emptyFacts } from '../../core/facts';
import type { ExtractOptions, ExtractResult, FrontEnd, SourceFile } from '../../core/frontend';
import { extractFromTree } from './extract';
import { KeptTrees } from './incremental';

export interface PythonWasm {
  /** web-tree-sitter's runtime (`web-tree-sitter.wasm`). */
  runtime: Uint8Array;
  /** The Python grammar (`tree-sitter-python.wasm`). */
  grammar: Uint8Array;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The Python front-end (`.py`, `.pyi`), on tree-sitter. The wasm bytes come
 * from the caller, so the engine never touches the file system. `parse` is the
 * bare parse, for benchmarks.
 */
export async function createPythonFrontEnd(wasm: PythonWasm): Promise<FrontEnd & { parse(text: string): unknown }> {
  await Parser.init({ wasmBinary: wasm.runtime });
  const language = await Language.load(wasm.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const keptTrees = new KeptTrees();

  return {
    id: 'python',
    language: 'python',
    accepts: (path: string) => /\.pyi?$/i.test(path),
    parse(text: string) {
      const tree = parser.parse(text);
      tree?.delete();
      return tree !== null;
    },
    extract(file: SourceFile, options?: ExtractOptions): ExtractResult {
      // tree-sitter reads NUL as the end of input; a space keeps every offset and column.
      const text = file.text.replace(/\0/g, ' ');
      const tree = options?.editing ? keptTrees.parse(parser, file.path, text) : parser.parse(text);
      if (!tree) return { facts: emptyFacts(), syntaxErrors: 0, skipped: 'the Python parser gave up on this file' };
      try {
        return extractFromTree(tree, file.path, text);
      } catch (error) {
        // Resolution recurses with depth limits; this is the last guard against pathological nesting.
        if (isStackOverflow(error)) return { facts: emptyFacts(), syntaxErrors: 0, skipped: 'nesting too deep to analyse' };
        throw error;
      } finally {
        if (options?.editing) keptTrees.keep(file.path, text, tree);
        tree.delete();
      }
    },
  };
}
