import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { Engine } from '../../../src/core/engine';
import { emptyFacts, type Location } from '../../../src/core/facts';
import type { FrontEnd } from '../../../src/core/frontend';
import { defineRule } from '../../../src/core/rule';

/** A front-end for a toy language: each line `model NAME` is a model reference. */
function toyFrontEnd(): FrontEnd & { calls: number } {
  const frontEnd = {
    id: 'toy', language: 'python' as const, calls: 0,
    accepts: (path: string) => path.endsWith('.toy'),
    extract({ path, text }: { path: string; text: string }) {
      frontEnd.calls++;
      if (text.includes('CRASH')) throw new Error('boom');
      if (text.includes('DEEP')) throw new RangeError('Maximum call stack size exceeded');
      const facts = emptyFacts();
      text.split('\n').forEach((line, index) => {
        const match = /^(\s*)model (\S+)/.exec(line);
        if (!match) return;
        const column = match[1].length + 7;
        const loc: Location = { file: path, line: index + 1, column, endLine: index + 1, endColumn: column + match[2].length };
        facts.models.push({ kind: 'model', loc, id: match[2], provider: null, context: 'constant' });
      });
      return { facts, syntaxErrors: 0 };
    },
  };
  return frontEnd;
}

const everyModel = defineRule({
  code: 'GD900', name: 'toy-model', family: 'versioning', severity: 'warning', status: 'preview', since: '0.1.0', fix: 'none',
  options: {}, messages: { found: '`{id}` found' },
  docs: { whatItDoes: '', whyIsThisBad: '', example: { path: 'a.toy', code: 'model x' }, useInstead: { path: 'a.toy', code: '' }, fixSafety: '', references: [] },
  checkFile: ({ facts }) => facts.models.map((model) => ({ loc: model.loc, messageId: 'found', data: { id: model.id } })),
});

const countModels = defineRule({
  code: 'GD901', name: 'toy-count', family: 'versioning', severity: 'info', status: 'preview', since: '0.1.0', fix: 'none',
  options: {}, messages: { count: '{n} models in the workspace' },
  docs: { whatItDoes: '', whyIsThisBad: '', example: { path: 'a.toy', code: 'model x' }, useInstead: { path: 'a.toy', code: '' }, fixSafety: '', references: [] },
  checkWorkspace: ({ facts }) => facts.models.length ? [{ loc: facts.models[0].loc, messageId: 'count', data: { n: facts.models.length } }] : [],
});

describe('engine', () => {
  it('runs phase 1 per file and phase 2 on the merged facts', () => {
    const engine = new Engine({ frontEnds: [toyFrontEnd()], rules: [everyModel, countModels] });
    const a = engine.analyzeFile({ path: 'a.toy', text: 'model gpt-4o\n' });
    const b = engine.analyzeFile({ path: 'b.toy', text: 'x\nmodel claude\n' });
    const result = engine.analyzeWorkspace([a, b], new Set(['a.toy', 'b.toy']));
    assert.deepEqual(result.findings.map((f) => [f.rule, f.loc.file, f.loc.line, f.message]), [
      ['GD900', 'a.toy', 1, '`gpt-4o` found'],
      ['GD901', 'a.toy', 1, '2 models in the workspace'],
      ['GD900', 'b.toy', 2, '`claude` found'],
    ]);
    assert.equal(result.facts.models.length, 2);
  });

  it('caches phase 1 by content hash', () => {
    const frontEnd = toyFrontEnd();
    const engine = new Engine({ frontEnds: [frontEnd], rules: [everyModel] });
    engine.analyzeFile({ path: 'a.toy', text: 'model x' });
    engine.analyzeFile({ path: 'a.toy', text: 'model x' });
    assert.equal(frontEnd.calls, 1);
    engine.analyzeFile({ path: 'a.toy', text: 'model y' });
    assert.equal(frontEnd.calls, 2);
  });

  it('keeps the last four versions of each file in the cache, however long the editing goes on', () => {
    const frontEnd = toyFrontEnd();
    const cache = new Map();
    const engine = new Engine({ frontEnds: [frontEnd], rules: [everyModel], cache });
    engine.analyzeFile({ path: 'other.toy', text: 'model z' });
    for (let edit = 0; edit < 50; edit++) engine.analyzeFile({ path: 'a.toy', text: `model v${edit}` });
    assert.equal(cache.size, 5, 'four versions of a.toy and the one of other.toy');
    frontEnd.calls = 0;
    engine.analyzeFile({ path: 'a.toy', text: 'model v49' });
    engine.analyzeFile({ path: 'a.toy', text: 'model v46' });
    engine.analyzeFile({ path: 'other.toy', text: 'model z' });
    assert.equal(frontEnd.calls, 0, 'the recent versions and the other file are still cached');
    engine.analyzeFile({ path: 'a.toy', text: 'model v45' });
    assert.equal(frontEnd.calls, 1, 'an older version was let go');
    // A second engine on the same cache (another config) shares the count per file.
    const other = new Engine({ frontEnds: [frontEnd], rules: [everyModel], cache, config: { ...defaultConfig(), rules: { GD900: { enabled: true, severity: 'error', options: {} } } } });
    for (let edit = 0; edit < 10; edit++) other.analyzeFile({ path: 'a.toy', text: `model w${edit}` });
    assert.equal([...cache.keys()].filter((key) => key.startsWith('a.toy\0')).length, 4);
  });

  it('applies config: rule off, severity override', () => {
    const engine = new Engine({
      frontEnds: [toyFrontEnd()], rules: [everyModel, countModels],
      config: { include: [], exclude: [], maxFileBytes: 1, rules: { GD900: { enabled: true, severity: 'error', options: {} }, GD901: { enabled: false, options: {} } } },
    });
    const result = engine.analyzeWorkspace([engine.analyzeFile({ path: 'a.toy', text: 'model x' })], new Set());
    assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['GD900', 'error']]);
  });

  it('turns a front-end crash or stack overflow into a skipped file, not a failed audit', () => {
    const engine = new Engine({ frontEnds: [toyFrontEnd()], rules: [everyModel] });
    const crashed = engine.analyzeFile({ path: 'c.toy', text: 'CRASH' });
    const deep = engine.analyzeFile({ path: 'd.toy', text: 'DEEP' });
    const unknown = engine.analyzeFile({ path: 'e.txt', text: '' });
    const result = engine.analyzeWorkspace([crashed, deep, unknown], new Set());
    assert.deepEqual(result.skipped, [
      { file: 'c.toy', reason: 'analyzer error: boom' },
      { file: 'd.toy', reason: 'too deeply nested to analyse' },
      { file: 'e.txt', reason: 'no analyzer for this file type' },
    ]);
  });

  it('keeps a fingerprint when lines are inserted above and re-indented, changes it when the code changes', () => {
    const engine = new Engine({ frontEnds: [toyFrontEnd()], rules: [everyModel] });
    const print = (text: string) => engine.analyzeFile({ path: 'a.toy', text }).findings.map((f) => f.fingerprint);
    const [original] = print('model gpt-4o\n');
    const [moved] = print('# a comment\n\n\n    model gpt-4o\n');
    const [changed] = print('model gpt-4.1\n');
    assert.equal(moved, original);
    assert.notEqual(changed, original);
    const twins = print('model x\nmodel x\n');
    assert.notEqual(twins[0], twins[1], 'identical code twice gets distinct occurrence indexes');
  });
});
