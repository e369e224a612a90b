import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { FileFacts, LlmCall, Location } from '../../../../src/core/facts';
import type { ExtractResult, FrontEnd } from '../../../../src/core/frontend';
import { createPythonFrontEnd } from '../../../../src/languages/python';

let frontEnd: Promise<FrontEnd & { parse(text: string): unknown }> | undefined;

/** The Python front-end, created once for all the tests (the wasm bytes come from node_modules). */
export function pythonFrontEnd(): Promise<FrontEnd & { parse(text: string): unknown }> {
  frontEnd ??= createPythonFrontEnd({
    runtime: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
    grammar: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
  });
  return frontEnd;
}

/** Runs the Python front-end on a code string as if it were the file `path`. */
export async function extractPy(code: string, path = 'app.py'): Promise<ExtractResult> {
  return (await pythonFrontEnd()).extract({ path, text: code });
}

/** The facts of a code string (fails the test when the file was skipped). */
export async function factsOf(code: string, path = 'app.py'): Promise<FileFacts> {
  const result = await extractPy(code, path);
  if (result.skipped) throw new Error(`skipped: ${result.skipped}`);
  return result.facts;
}

/** `line:column` of a location, for compact assertions. */
export function at(loc: Location | undefined | null): string {
  return loc ? `${loc.line}:${loc.column}` : 'none';
}

/** `line:column-endLine:endColumn` of a location. */
export function span(loc: Location | undefined | null): string {
  return loc ? `${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}` : 'none';
}

/** Joins lines into a module's text (keeps line numbers readable in the tests). */
export function py(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** `line:column` (1-based) of the `occurrence`-th `needle` in `code`. */
export function where(code: string, needle: string, occurrence = 1): string {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`needle not found: ${needle}`);
  }
  const before = code.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

export interface ExpectedCall {
  at: string;
  provider: string;
  api: string;
  model: string | null;
}

/** The LLM call at `expected.at`, checked for provider, api and model value. */
export function expectCall(facts: FileFacts, expected: ExpectedCall): LlmCall {
  const call = facts.llmCalls.find((candidate) => at(candidate.loc) === expected.at);
  assert.ok(call, `no LLM call at ${expected.at}; found ${facts.llmCalls.map((c) => `${at(c.loc)} ${c.api}`).join(', ') || 'none'}`);
  assert.equal(call.kind, 'llmCall');
  assert.equal(call.provider, expected.provider);
  assert.equal(call.api, expected.api);
  assert.equal(call.model?.value ?? null, expected.model);
  return call;
}
