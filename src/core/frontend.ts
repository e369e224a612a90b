import type { FileFacts, Language } from './facts';

/** A file's text as the engine sees it: no file system behind it. */
export interface SourceFile {
  /** POSIX path relative to the audit root. */
  path: string;
  text: string;
}

export interface ExtractResult {
  facts: FileFacts;
  /** Number of syntax errors the parser recovered from; facts still come from the valid parts. */
  syntaxErrors: number;
  /** Set when the file could not be analysed at all; the reason is reported in `skipped`. */
  skipped?: string;
}

export interface ExtractOptions {
  /**
   * The file is open in an editor and will be extracted again soon: the front-end may keep what
   * makes the next extraction of the same path cheaper (a syntax tree to re-parse incrementally).
   * The result is the same either way.
   */
  editing?: boolean;
}

/**
 * A language front-end: turns one file into facts. Pure and synchronous once
 * initialised, so phase 1 can run anywhere (worker thread, browser) and be
 * cached by content hash.
 */
export interface FrontEnd {
  id: string;
  language: Language;
  /** Whether this front-end reads the file (by its path alone). */
  accepts(path: string): boolean;
  extract(file: SourceFile, options?: ExtractOptions): ExtractResult;
}
