import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editBetween } from '../../../../src/languages/python/incremental';
import { pythonFrontEnd } from './helpers';

const fixtures = join(__dirname, '../../../../../test/fixtures');

/** Every Python fixture of the rules: LLM calls, tools, prompts, tracing, in many shapes. */
function pythonFixtures(): string[] {
  return readdirSync(fixtures).flatMap((rule) => {
    try {
      return readdirSync(join(fixtures, rule)).filter((name) => name.endsWith('.py')).map((name) => readFileSync(join(fixtures, rule, name), 'utf8'));
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

describe('python front-end: re-parsing an edited file from its last tree', () => {
  it('describes an edit by the text between the common prefix and suffix', () => {
    assert.deepEqual({ ...editBetween('a = 1\nb = 2\n', 'a = 1\nb = 22\n') }, {
      startIndex: 11, oldEndIndex: 11, newEndIndex: 12,
      startPosition: { row: 1, column: 5 }, oldEndPosition: { row: 1, column: 5 }, newEndPosition: { row: 1, column: 6 },
    });
    const deletion = editBetween('x\ny\nz\n', 'x\nz\n');
    assert.deepEqual([deletion.startIndex, deletion.oldEndIndex, deletion.newEndIndex], [2, 4, 2]);
    assert.deepEqual([deletion.oldEndPosition, deletion.newEndPosition], [{ row: 2, column: 0 }, { row: 1, column: 0 }]);
    const same = editBetween('abc', 'abc');
    assert.deepEqual([same.startIndex, same.oldEndIndex, same.newEndIndex], [3, 3, 3]);
    // Columns count UTF-16 code units, as web-tree-sitter does: the emoji is two.
    const wide = editBetween('s = "😀"\n', 's = "😀!"\n');
    assert.deepEqual([wide.startIndex, wide.startPosition], [7, { row: 0, column: 7 }]);
  });

  it('gives the same facts as a fresh parse, over 400 random edits of every Python fixture', async function () {
    this.timeout(30_000);
    const frontEnd = await pythonFrontEnd();
    const sources = pythonFixtures();
    assert.ok(sources.length >= 20, `only ${sources.length} fixtures`);
    const snippets = sources.flatMap((source) => source.split('\n')).filter((line) => line.trim()).concat([
      'prompt = "Réponds en français 😀"', '    x = (', 'def broken(:', '\r\n', '"""', 'client = OpenAI()', '\0',
    ]);
    const next = random(7);
    let text = sources[0];
    for (let step = 0; step < 400; step++) {
      if (step % 50 === 0) text = sources[next(sources.length)];
      const start = next(text.length + 1);
      const end = Math.min(text.length, start + next(40));
      const inserted = next(3) === 0 ? '' : `${snippets[next(snippets.length)]}${next(2) ? '\n' : ''}`;
      text = text.slice(0, start) + inserted + text.slice(end);
      const edited = frontEnd.extract({ path: 'edited.py', text }, { editing: true });
      const fresh = frontEnd.extract({ path: 'edited.py', text });
      assert.deepEqual(edited, fresh, `step ${step}: facts differ after re-parsing from the last tree`);
    }
  });

  it('keeps trees per path: edits of two files in turn stay independent', async () => {
    const frontEnd = await pythonFrontEnd();
    const [first, second] = pythonFixtures().filter((source) => source.includes('create('));
    for (let round = 0; round < 3; round++) {
      for (const [path, source] of [['a.py', first], ['b.py', second]] as const) {
        const text = `${source}\n# round ${round}\n`;
        assert.deepEqual(frontEnd.extract({ path, text }, { editing: true }), frontEnd.extract({ path, text }));
      }
    }
  });
});
