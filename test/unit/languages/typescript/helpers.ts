import type { FileFacts, Location } from '../../../../src/core/facts';
import type { ExtractResult } from '../../../../src/core/frontend';
import { createTypeScriptFrontEnd } from '../../../../src/languages/typescript';

const frontEnd = createTypeScriptFrontEnd();

/** Runs the TypeScript front-end on a code string as if it were the file `path`. */
export function extractTs(code: string, path = 'app.ts'): ExtractResult {
  return frontEnd.extract({ path, text: code });
}

/** The facts of a code string (fails the test when the file was skipped). */
export function factsOf(code: string, path = 'app.ts'): FileFacts {
  const result = extractTs(code, path);
  if (result.skipped) throw new Error(`skipped: ${result.skipped}`);
  return result.facts;
}

/** `line:column` of a location, for compact assertions. */
export function at(loc: Location | undefined): string {
  return loc ? `${loc.line}:${loc.column}` : 'none';
}

/** `line:column-endLine:endColumn` of a location. */
export function span(loc: Location | undefined): string {
  return loc ? `${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}` : 'none';
}
