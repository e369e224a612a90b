import type ts from 'typescript';
import type { FileFacts, LocalTracing, Location, ModelRef, Prompt } from '../../core/facts';

/** What the extraction of one file shares between its passes. */
export interface FileContext {
  file: string;
  sourceFile: ts.SourceFile;
  /** Modules the file imports or requires (normalised specifiers). */
  imports: Set<string>;
  facts: FileFacts;
  /** Prompts and model refs by location, so a constant used by a call is reported once. */
  prompts: Map<string, Prompt>;
  models: Map<string, ModelRef>;
  /** Constructions whose model a matched call accounts for (see CallShape.construct). */
  consumed: Set<ts.Node>;
  /** Functions and callbacks that tracing covers (`traceable(fn)`, span callbacks). */
  coverage: Map<ts.Node, LocalTracing>;
}

export function locationKey(loc: Location): string {
  return `${loc.line}:${loc.column}:${loc.endLine}:${loc.endColumn}`;
}
