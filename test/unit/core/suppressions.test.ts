import { strict as assert } from 'node:assert';
import { parseDirectives } from '../../../src/core/suppressions';
import { Engine } from '../../../src/core/engine';
import { rules } from '../../../src/rules';
import { loadFrontEnds } from '../../../src/workspace/frontends';

describe('ledger directives', () => {
  it('parses Python directives: codes, reason, ticket, the line covered', () => {
    const [own, trailing] = parseDirectives('a.py', '# genai-debt: accept GD101, GD102 -- reason: one prompt until routing lands; ticket: AI-231\n\nPROMPT = "x"  # genai-debt: accept GD401 -- reason: alias on purpose\n');
    assert.deepEqual(
      { kind: own.kind, rules: own.rules, reason: own.reason, ticket: own.ticket, coversLine: own.coversLine, ownLine: own.ownLine, line: own.loc.line, column: own.loc.column },
      { kind: 'accept', rules: ['GD101', 'GD102'], reason: 'one prompt until routing lands', ticket: 'AI-231', coversLine: 3, ownLine: true, line: 1, column: 1 },
    );
    assert.deepEqual([trailing.coversLine, trailing.ownLine, trailing.loc.column, trailing.reason], [3, false, 15, 'alias on purpose']);
  });

  it('parses TS line and block comments, and file-wide kinds', () => {
    const directives = parseDirectives('a.ts', [
      'const m = "gpt-4o"; // genai-debt: accept GD401 -- reason: r1',
      '/* genai-debt: accept GD301 -- reason: traced by the gateway */',
      'call();',
      '// genai-debt: accept-file GD405 -- reason: image pins it',
      '// genai-debt: ignore-file',
    ].join('\n'));
    assert.deepEqual(directives.map((d) => [d.kind, d.rules.join(','), d.reason, d.coversLine]), [
      ['accept', 'GD401', 'r1', 1],
      ['accept', 'GD301', 'traced by the gateway', 3],
      ['accept-file', 'GD405', 'image pins it', null],
      ['ignore-file', '', null, null],
    ]);
  });

  it('ignores the marker outside comments and in other comment syntaxes', () => {
    assert.deepEqual(parseDirectives('a.py', 'x = "genai-debt: accept GD401"\n// genai-debt: accept GD401 -- reason: js comment in Python\n'), []);
    assert.deepEqual(parseDirectives('a.ts', 'const x = "genai-debt: accept GD401";\n# genai-debt: accept GD401 -- reason: hash in TS\n'), []);
  });

  it('acknowledges findings with reason and ticket; ignore-file skips the file', async () => {
    const engine = new Engine({ frontEnds: await loadFrontEnds(), rules, knownRules: rules });
    const text = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'client.chat.completions.create(model="gpt-4o", messages=[])  # genai-debt: accept GD401 -- reason: evaluating; ticket: AI-1',
      'client.chat.completions.create(model="gpt-4o", messages=[])',
      '',
    ].join('\n');
    const file = engine.analyzeFile({ path: 'a.py', text });
    const result = engine.analyzeWorkspace([file], new Set(['a.py']), { texts: new Map([['a.py', text]]) });
    assert.deepEqual(result.findings.filter((f) => f.rule === 'GD401' || f.family === 'ledger').map((f) => [f.rule, f.loc.line, f.acknowledged]), [
      ['GD401', 3, { reason: 'evaluating', ticket: 'AI-1' }],
      ['GD401', 4, null],
    ]);
    const ignored = engine.analyzeFile({ path: 'b.py', text: '# genai-debt: ignore-file\nMODEL = "gpt-4o"\n' });
    assert.equal(ignored.skipped, 'genai-debt: ignore-file directive');
  });
});
