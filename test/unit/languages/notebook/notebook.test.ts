import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyFacts, type LlmCall, type Location } from '../../../../src/core/facts';
import type { FrontEnd, SourceFile } from '../../../../src/core/frontend';
import { createNotebookFrontEnd } from '../../../../src/languages/notebook';
import { createPythonFrontEnd } from '../../../../src/languages/python';
import { blankMagics } from '../../../../src/languages/notebook/magics';

const fixtures = resolve(__dirname, '../../../../../test/fixtures/frontends/notebook');

/**
 * A stand-in for the Python front-end: finds `.chat.completions.create(model="…")`
 * calls by text, counts any IPython line left in the text as a syntax error, and
 * shares one Location object between a call and its model value (as a real
 * front-end may) to check that each location is mapped once.
 */
function fakePython(received: string[]): FrontEnd {
  return {
    id: 'fake-python',
    language: 'python',
    accepts: (path) => path.endsWith('.py'),
    extract(file: SourceFile) {
      received.push(file.text);
      const facts = emptyFacts();
      const rows = file.text.split('\n');
      rows.forEach((row, index) => {
        const match = /(\w[\w.]*)\.chat\.completions\.create\(model="([^"]+)"/.exec(row);
        if (!match) return;
        const column = match.index + 1;
        const loc: Location = { file: file.path, line: index + 1, column, endLine: index + 1, endColumn: row.length + 1 };
        const modelColumn = row.indexOf(`"${match[2]}"`) + 1;
        const modelLoc: Location = { file: file.path, line: index + 1, column: modelColumn, endLine: index + 1, endColumn: modelColumn + match[2].length + 2 };
        const call: LlmCall = {
          kind: 'llmCall', loc, provider: 'openai', api: 'chat.completions.create', operation: 'chat',
          model: { value: match[2], expression: `"${match[2]}"`, loc: modelLoc, via: 'literal' },
          indirect: false, enclosingFunction: null, client: match[1], baseUrl: null, tools: null, heuristic: false, tracedBy: null,
        };
        facts.llmCalls.push(call);
        facts.models.push({ kind: 'model', loc: modelLoc, id: match[2], provider: 'openai', context: 'llm-call' });
      });
      return { facts, syntaxErrors: rows.filter((row) => /^\s*(%[A-Za-z]|!(pip|ls))|\?$/.test(row)).length };
    },
  };
}

describe('notebook front-end', () => {
  it('analyses code cells only, with cell indexes and cell-relative positions', () => {
    const received: string[] = [];
    const notebook = createNotebookFrontEnd(fakePython(received));
    const result = notebook.extract({ path: 'nb/chat.ipynb', text: readFileSync(resolve(fixtures, 'chat.ipynb'), 'utf8') });
    assert.equal(result.skipped, undefined);
    assert.equal(result.syntaxErrors, 0);
    assert.deepEqual(result.facts.llmCalls.map((call) => [call.model?.value, call.loc.cell, call.loc.line, call.loc.column, call.loc.endLine, call.loc.file]), [
      ['gpt-4o', 2, 5, 9, 5, 'nb/chat.ipynb'],
      ['gpt-4o-mini', 5, 3, 7, 3, 'nb/chat.ipynb'],
    ]);
    const [first] = result.facts.llmCalls;
    assert.deepEqual([first.model?.loc.cell, first.model?.loc.line, first.model?.loc.column], [2, 5, 46]);
    assert.deepEqual(result.facts.models.map((model) => [model.id, model.loc.cell, model.loc.line]), [['gpt-4o', 2, 5], ['gpt-4o-mini', 5, 3]]);
    // The cells are read as one program so names flow between cells; magics are gone, the string's `!important` stays.
    assert.equal(received.length, 1);
    assert.match(received[0], /from openai import OpenAI\nclient = OpenAI\(\)\n/);
    assert.match(received[0], /\n!important: answer briefly\n/);
    assert.doesNotMatch(received[0], /%pip|tiktoken|echo|not-code|files = !ls/);
  });

  it('blanks IPython magics line by line without moving other lines', () => {
    assert.equal(blankMagics('%matplotlib inline\nx = 1\n!ls \\\n  -la\ny = !pwd\nx?\nz = (a\n     % b)'), '\nx = 1\n\n\n\n\nz = (a\n     % b)');
    assert.equal(blankMagics('%%writefile app.py\nimport os\n'), '\n\n');
    assert.equal(blankMagics("%%timeit\ns = '''\n%not a magic\n'''"), "\ns = '''\n%not a magic\n'''");
  });

  it('skips non-Python kernels and invalid JSON with reasons', () => {
    const notebook = createNotebookFrontEnd(fakePython([]));
    const r = notebook.extract({ path: 'r.ipynb', text: JSON.stringify({ metadata: { kernelspec: { language: 'R' } }, cells: [{ cell_type: 'code', source: 'x <- 1' }] }) });
    assert.match(r.skipped ?? '', /not a Python notebook \(kernel language: R\)/);
    assert.equal(r.facts.llmCalls.length, 0);
    const broken = notebook.extract({ path: 'broken.ipynb', text: '{"cells": [' });
    assert.match(broken.skipped ?? '', /invalid notebook JSON/);
    assert.ok(notebook.accepts('a/b.ipynb') && !notebook.accepts('a/b.py'));
  });

  it('reads nbformat 3 worksheets and language_info when kernelspec is absent', () => {
    const received: string[] = [];
    const notebook = createNotebookFrontEnd(fakePython(received));
    const text = JSON.stringify({ metadata: { language_info: { name: 'python' } }, worksheets: [{ cells: [{ cell_type: 'code', input: ['c.chat.completions.create(model="o3")'] }] }] });
    const result = notebook.extract({ path: 'old.ipynb', text });
    assert.deepEqual(result.facts.llmCalls.map((call) => [call.model?.value, call.loc.cell, call.loc.line, call.loc.column]), [['o3', 0, 1, 1]]);
  });

  it('with the real Python front-end, resolves a client made in an earlier cell', async () => {
    const python = await createPythonFrontEnd({
      runtime: readFileSync(resolve(__dirname, '../../../../../node_modules/web-tree-sitter/web-tree-sitter.wasm')),
      grammar: readFileSync(resolve(__dirname, '../../../../../node_modules/tree-sitter-python/tree-sitter-python.wasm')),
    });
    const result = createNotebookFrontEnd(python).extract({ path: 'nb/chat.ipynb', text: readFileSync(resolve(fixtures, 'chat.ipynb'), 'utf8') });
    assert.equal(result.syntaxErrors, 0);
    assert.deepEqual(result.facts.llmCalls.map((call) => [call.provider, call.heuristic, call.model?.value, call.loc.cell, call.loc.line, call.loc.column, call.model?.loc.cell, call.model?.loc.column]), [
      ['openai', false, 'gpt-4o', 2, 5, 9, 2, 46],
      ['openai', false, 'gpt-4o-mini', 5, 3, 7, 5, 44],
    ]);
    const prompt = result.facts.prompts.find((candidate) => candidate.text.includes('!important'));
    assert.deepEqual([prompt?.loc.cell, prompt?.loc.line, prompt?.loc.column], [2, 2, 10]);
  });
});
