import { emptyFacts, type FileFacts, type Location } from '../../core/facts';
import type { ExtractOptions, ExtractResult, FrontEnd, SourceFile } from '../../core/frontend';
import { blankMagics } from './magics';

/** Where a code cell's lines sit in the program built from all code cells. */
interface CellSpan {
  cell: number;
  /** 1-based line of the cell's first line in the program. */
  firstLine: number;
  rows: string[];
}

interface NotebookCell {
  cell_type?: unknown;
  source?: unknown;
  input?: unknown;
}

/**
 * The notebook front-end: the code cells of a Python notebook are joined into
 * one program (so a client made in one cell resolves in the next) and read by
 * the Python front-end; each fact's locations are then mapped back to their
 * cell, with lines and columns relative to the cell's source.
 */
export function createNotebookFrontEnd(python: FrontEnd): FrontEnd {
  return {
    id: 'notebook',
    language: 'notebook',
    accepts: (path) => path.toLowerCase().endsWith('.ipynb'),
    extract: (file, options) => extractNotebook(file, python, options),
  };
}

function extractNotebook(file: SourceFile, python: FrontEnd, options?: ExtractOptions): ExtractResult {
  let notebook: unknown;
  try {
    notebook = JSON.parse(file.text);
  } catch (error) {
    return { facts: emptyFacts(), syntaxErrors: 0, skipped: `invalid notebook JSON: ${(error as Error).message}` };
  }
  if (typeof notebook !== 'object' || notebook === null) return { facts: emptyFacts(), syntaxErrors: 0, skipped: 'not a Jupyter notebook' };
  const language = kernelLanguage(notebook as Record<string, unknown>);
  if (language !== null && language.toLowerCase() !== 'python') {
    return { facts: emptyFacts(), syntaxErrors: 0, skipped: `not a Python notebook (kernel language: ${language})` };
  }
  const cells = cellsOf(notebook as Record<string, unknown>);
  if (cells === null) return { facts: emptyFacts(), syntaxErrors: 0, skipped: 'not a Jupyter notebook (no cells)' };

  const spans: CellSpan[] = [];
  const program: string[] = [];
  cells.forEach((cell, index) => {
    if (cell?.cell_type !== 'code') return;
    const source = sourceText(cell.source ?? cell.input).replace(/\r\n?/g, '\n');
    const rows = blankMagics(source).split('\n');
    spans.push({ cell: index, firstLine: program.length + 1, rows });
    program.push(...rows);
  });
  if (spans.length === 0) return { facts: emptyFacts(), syntaxErrors: 0 };

  const result = python.extract({ path: file.path, text: program.join('\n') }, options);
  mapLocationsToCells(result.facts, spans);
  return result;
}

function kernelLanguage(notebook: Record<string, unknown>): string | null {
  const metadata = notebook.metadata as Record<string, Record<string, unknown> | undefined> | undefined;
  const declared = metadata?.kernelspec?.language ?? metadata?.language_info?.name;
  return typeof declared === 'string' ? declared : null;
}

/** nbformat 4 keeps `cells`; nbformat 3 kept them in `worksheets[0].cells`. */
function cellsOf(notebook: Record<string, unknown>): NotebookCell[] | null {
  if (Array.isArray(notebook.cells)) return notebook.cells as NotebookCell[];
  const worksheets = notebook.worksheets;
  if (Array.isArray(worksheets) && Array.isArray(worksheets[0]?.cells)) return worksheets[0].cells as NotebookCell[];
  return null;
}

function sourceText(source: unknown): string {
  if (typeof source === 'string') return source;
  if (Array.isArray(source)) return source.filter((part): part is string => typeof part === 'string').join('');
  return '';
}

function isLocation(value: Record<string, unknown>): value is Record<string, unknown> & Location {
  return typeof value.file === 'string' && typeof value.line === 'number' && typeof value.column === 'number' && typeof value.endLine === 'number' && typeof value.endColumn === 'number';
}

/** Rewrites every Location inside the facts (the fact's own, and those of values and tool bindings) once. */
function mapLocationsToCells(facts: FileFacts, spans: CellSpan[]): void {
  const seen = new Set<object>();
  const stack: unknown[] = Object.values(facts);
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const record = value as Record<string, unknown>;
    if (isLocation(record)) {
      mapLocation(record, spans);
      continue;
    }
    stack.push(...Object.values(record));
  }
}

function mapLocation(loc: Location, spans: CellSpan[]): void {
  let span = spans[0];
  for (const candidate of spans) {
    if (candidate.firstLine <= loc.line) span = candidate;
    else break;
  }
  const lastLine = span.rows.length;
  loc.cell = span.cell;
  loc.line = loc.line - span.firstLine + 1;
  loc.endLine = loc.endLine - span.firstLine + 1;
  // A range can only run past its cell when a syntax error joined two cells; it stops at the cell's end.
  if (loc.endLine > lastLine) {
    loc.endLine = lastLine;
    loc.endColumn = span.rows[lastLine - 1].length + 1;
  }
}
