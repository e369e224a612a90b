import { strict as assert } from 'node:assert';
import { Engine } from '../../../src/core/engine';
import { rules } from '../../../src/rules';
import { loadFrontEnds } from '../../../src/workspace/frontends';

const ORIGINAL = `from openai import OpenAI

client = OpenAI()


def summarize(text):
    return client.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": text}])


def helper(values):
    total = 0
    for value in values:
        total += value
    return total
`;

describe('fingerprints on real code', () => {
  let fingerprintOf: (text: string) => Promise<string>;
  before(async () => {
    const engine = new Engine({ frontEnds: await loadFrontEnds(), rules, knownRules: rules });
    fingerprintOf = async (text: string) => {
      const file = engine.analyzeFile({ path: 'app/summary.py', text });
      const result = engine.analyzeWorkspace([file], new Set(['app/summary.py']), { texts: new Map([['app/summary.py', text]]) });
      const findings = result.findings.filter((f) => f.rule === 'GD401');
      assert.equal(findings.length, 1);
      return findings[0].fingerprint;
    };
  });

  it('survives lines inserted and deleted above, another function reformatted, other symbols renamed', async () => {
    const original = await fingerprintOf(ORIGINAL);
    const inserted = ORIGINAL.replace('client = OpenAI()', 'import os\n\n# the client\nclient = OpenAI()\nTIMEOUT = 30');
    const deleted = ORIGINAL.replace('\n\nclient = OpenAI()\n', '\nclient = OpenAI()\n');
    const reformatted = ORIGINAL.replace(/def helper[\s\S]*$/, 'def helper(values): return sum(values)\n');
    const renamed = ORIGINAL.replace(/helper/g, 'add_all').replace(/total/g, 'acc').replace(/values/g, 'xs');
    for (const variant of [inserted, deleted, reformatted, renamed]) assert.equal(await fingerprintOf(variant), original);
  });

  it('changes when the flagged code changes', async () => {
    assert.notEqual(await fingerprintOf(ORIGINAL.replace('"gpt-5.5"', '"gpt-5.4"')), await fingerprintOf(ORIGINAL));
  });
});
