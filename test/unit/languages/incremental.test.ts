import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrontEnd } from '../../../src/core/frontend';
import { changedSpan } from '../../../src/core/lines';
import { editBetween } from '../../../src/languages/python/incremental';
import { createTypeScriptFrontEnd } from '../../../src/languages/typescript';
import { pythonFrontEnd } from './python/helpers';

const fixtures = join(__dirname, '../../../../test/fixtures');

/** Every fixture of the rules with this extension: LLM calls, tools, prompts, tracing, in many shapes. */
function fixturesEndingIn(extension: string): string[] {
  return readdirSync(fixtures).flatMap((rule) => {
    try {
      return readdirSync(join(fixtures, rule)).filter((name) => name.endsWith(extension)).map((name) => readFileSync(join(fixtures, rule, name), 'utf8'));
    } catch {
      return [];
    }
  });
}

/** A small deterministic generator (the test must fail the same way twice). */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

/**
 * 400 random edits, extracted from the last parse and from nothing: the two must agree. Half
 * break the syntax (deletions, insertions of other fixtures' lines, non-ASCII, CRLF, NUL), half
 * are the edits of someone typing in valid code (a string's content, a top-level line copied
 * elsewhere), so both the incremental parse and its fallback are exercised.
 */
function checkRandomEdits(frontEnd: FrontEnd, sources: string[], path: string, extraSnippets: string[]): void {
  assert.ok(sources.length >= 15, `only ${sources.length} fixtures`);
  const snippets = sources.flatMap((source) => source.split('\n')).filter((line) => line.trim()).concat(extraSnippets, ['\r\n', '\0', '😀 é']);
  const next = random(7);
  let base = sources[0];
  let valid = 0;
  const check = (text: string, step: number) => {
    const edited = frontEnd.extract({ path, text }, { editing: true });
    const fresh = frontEnd.extract({ path, text });
    assert.deepEqual(edited, fresh, `step ${step}: facts differ after re-parsing from the last parse`);
    if (fresh.syntaxErrors === 0) valid++;
  };
  for (let step = 0; step < 400; step++) {
    if (step % 25 === 0) base = sources[next(sources.length)];
    if (next(2) === 0) {
      // Broken mid-edit, then undone.
      check(breakingEdit(base, snippets, next), step);
      check(base, step);
    } else {
      base = typingEdit(base, next);
      check(base, step);
    }
  }
  assert.ok(valid >= 100, `only ${valid} edits left the code valid`);
  // Breakage piling up, never undone: error recovery over reused subtrees is where an
  // incremental parse would part from a fresh one (tree-sitter's did, at step 212).
  const piling = random(7);
  let text = sources[0];
  for (let step = 0; step < 250; step++) {
    if (step % 50 === 0) text = sources[piling(sources.length)];
    text = breakingEdit(text, snippets, piling);
    check(text, 400 + step);
  }
}

function breakingEdit(text: string, snippets: string[], next: (below: number) => number): string {
  const start = next(text.length + 1);
  const end = Math.min(text.length, start + next(40));
  const inserted = next(3) === 0 ? '' : `${snippets[next(snippets.length)]}${next(2) ? '\n' : ''}`;
  return text.slice(0, start) + inserted + text.slice(end);
}

function typingEdit(text: string, next: (below: number) => number): string {
  const strings = [...text.matchAll(/(["'])[\w .:/-]*\1/g)];
  if (strings.length > 0 && next(2) === 0) {
    const picked = strings[next(strings.length)];
    const quote = picked[1];
    const words = ['gpt-4o', 'gpt-4o-2024-08-06', 'claude-3-5-sonnet-latest', 'You are a helpful assistant.', 'réponse 😀', ''];
    return `${text.slice(0, picked.index)}${quote}${words[next(words.length)]}${quote}${text.slice(picked.index! + picked[0].length)}`;
  }
  const lines = text.split('\n');
  const topLevel = lines.map((line, index) => (/^[A-Za-z_]\w*\s*=[^=]/.test(line) && !line.trimEnd().endsWith('(') && !/[[{(,]$/.test(line.trimEnd()) ? index : -1)).filter((index) => index >= 0);
  if (topLevel.length === 0) return text;
  const copied = lines[topLevel[next(topLevel.length)]];
  lines.splice(topLevel[next(topLevel.length)], 0, copied);
  return lines.join('\n');
}

describe('front-ends: re-parsing an edited file from its last parse', function () {
  this.timeout(60_000);

  it('finds the changed span between the common prefix and suffix', () => {
    assert.deepEqual(changedSpan('a = 1\nb = 2\n', 'a = 1\nb = 22\n'), { start: 11, oldEnd: 11, newEnd: 12 });
    assert.deepEqual(changedSpan('x\ny\nz\n', 'x\nz\n'), { start: 2, oldEnd: 4, newEnd: 2 });
    assert.deepEqual(changedSpan('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedSpan('', 'new'), { start: 0, oldEnd: 0, newEnd: 3 });
    // A repeated character: the prefix takes what it can, the suffix never overlaps it.
    assert.deepEqual(changedSpan('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3 });
  });

  it('gives tree-sitter the edit with rows and UTF-16 columns', () => {
    const edit = editBetween('a = 1\nb = 2\n', 'a = 1\nb = 22\n');
    assert.deepEqual([edit.startPosition, edit.oldEndPosition, edit.newEndPosition], [{ row: 1, column: 5 }, { row: 1, column: 5 }, { row: 1, column: 6 }]);
    const deletion = editBetween('x\ny\nz\n', 'x\nz\n');
    assert.deepEqual([deletion.oldEndPosition, deletion.newEndPosition], [{ row: 2, column: 0 }, { row: 1, column: 0 }]);
    // The emoji is two code units.
    assert.deepEqual(editBetween('s = "😀"\n', 's = "😀!"\n').startPosition, { row: 0, column: 7 });
  });

  it('Python: the same facts as a fresh parse, over 400 random edits of every Python fixture', async () => {
    checkRandomEdits(await pythonFrontEnd(), fixturesEndingIn('.py'), 'edited.py', ['prompt = "Réponds en français"', '    x = (', 'def broken(:', '"""', 'client = OpenAI()']);
  });

  it('TypeScript: the same facts as a fresh parse, over 400 random edits of every TS fixture', () => {
    checkRandomEdits(createTypeScriptFrontEnd(), fixturesEndingIn('.ts'), 'edited.ts', ['const prompt = `Réponds ${x}`;', 'function broken(: {', '/*', "import OpenAI from 'openai';", 'class A { m() {'] );
  });

  it('TypeScript: what an edit elsewhere changes about unchanged code is not remembered from the last version', () => {
    const frontEnd = createTypeScriptFrontEnd();
    const before = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "let model = 'gpt-4o';",
      'export async function run() {',
      '  return client.chat.completions.create({ model, messages: [] });',
      '}',
      '',
    ].join('\n');
    // The declaration of `model` is reused by the incremental parse; whether it is reassigned is not.
    const after = `${before}export function use(name: string) {\n  model = name;\n}\n`;
    const callModels = (text: string, editing: boolean) => frontEnd.extract({ path: 'reassigned.ts', text }, { editing }).facts.llmCalls.map((call) => call.model?.value);
    assert.deepEqual(callModels(before, true), ['gpt-4o']);
    assert.deepEqual(callModels(after, false), [null], 'reassigned: its initializer is not its value');
    assert.deepEqual(callModels(after, true), [null]);
  });

  it('keeps each path\'s parse apart: edits of two files in turn stay independent', async () => {
    for (const [frontEnd, extension] of [[await pythonFrontEnd(), '.py'], [createTypeScriptFrontEnd(), '.ts']] as const) {
      const [first, second] = fixturesEndingIn(extension).filter((source) => source.includes('create('));
      for (let round = 0; round < 3; round++) {
        for (const [path, source] of [[`a${extension}`, first], [`b${extension}`, second]] as const) {
          const text = `${source}\n// round ${round}\n`.replace('// round', extension === '.py' ? '# round' : '// round');
          assert.deepEqual(frontEnd.extract({ path, text }, { editing: true }), frontEnd.extract({ path, text }));
        }
      }
    }
  });
});
