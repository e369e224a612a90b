import { strict as assert } from 'node:assert';
import { Engine } from '../../../src/core/engine';
import { rules } from '../../../src/rules';
import { loadFrontEnds } from '../../../src/workspace/frontends';

describe('rule registry', () => {
  it('is sorted by code, with unique codes and names', () => {
    const codes = rules.map((rule) => rule.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(rules.map((rule) => rule.name)).size, rules.length);
  });

  for (const rule of rules) {
    describe(`${rule.code} ${rule.name} docs`, () => {
      it('has every section of the Ruff form', () => {
        for (const section of ['whatItDoes', 'whyIsThisBad', 'fixSafety'] as const) assert.ok(rule.docs[section].trim().length > 20, section);
        assert.ok(rule.docs.references.length > 0);
      });

      it('has an Example that triggers it and a Use instead that does not', async () => {
        // Ledger rules judge directives for other rules, so those rules must run too.
        const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: rule.family === 'ledger' ? rules : [rule], knownRules: rules });
        const findingsOf = (sample: { path: string; code: string }) => {
          const file = engine.analyzeFile({ path: sample.path, text: sample.code });
          // Workspace rules read file texts, as in a real audit.
          return engine.analyzeWorkspace([file], new Set([sample.path]), { texts: new Map([[sample.path, sample.code]]) }).findings.filter((f) => f.rule === rule.code);
        };
        assert.ok(findingsOf(rule.docs.example).length > 0, 'example triggers');
        assert.equal(findingsOf(rule.docs.useInstead).length, 0, 'use instead does not');
      });
    });
  }
});
