import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../src/rules';
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from '../../../src/rules/docs';

const REPO = join(__dirname, '../../../..');

describe('docs/rules', () => {
  it('is generated from the rule files and up to date (run `npm run docs`)', () => {
    const expected = new Map(rules.map((rule) => [ruleDocPath(rule), renderRuleDoc(rule)]));
    expected.set('docs/rules/README.md', renderRuleIndex(rules));
    const onDisk = existsSync(join(REPO, 'docs/rules')) ? readdirSync(join(REPO, 'docs/rules')).map((name) => `docs/rules/${name}`) : [];
    assert.deepEqual(onDisk.sort(), [...expected.keys()].sort(), 'stale or missing pages');
    for (const [path, text] of expected) assert.equal(readFileSync(join(REPO, path), 'utf8'), text, `${path} is out of date`);
  });
});
