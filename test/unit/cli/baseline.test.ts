import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { capture } from './capture';
import { parseConfig } from '../../../src/core/config';
import type { AuditJson } from '../../../src/report/json';
import { rules } from '../../../src/rules';


const AGENT = 'from openai import OpenAI\n\nclient = OpenAI()\n\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n';

describe('baselines', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'genai-debt-baseline-'));
    writeFileSync(join(root, 'agent.py'), AGENT);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const audit = async (...args: string[]) => {
    const out = capture();
    const code = await main(['audit', root, '--format', 'json', '--no-git', ...args], out);
    return { code, out, json: out.stdout ? (JSON.parse(out.stdout) as AuditJson) : null };
  };

  it('round trip: today\'s debt is not new; one new debt is exactly one new finding', async () => {
    const baseline = join(root, '.genai-debt/baseline.json');
    const first = await audit();
    assert.ok(first.json!.findings.length > 0);
    const update = await audit('--baseline', baseline, '--update-baseline');
    assert.equal(update.code, 0);
    assert.match(update.out.stderr, /wrote \d+ findings/);
    const written = readFileSync(baseline, 'utf8');
    assert.equal(written.split('\n').filter((line) => line.includes('"fingerprint"')).length, first.json!.findings.length, 'one entry per line');

    const again = await audit('--baseline', baseline, '--fail-on', 'warning');
    assert.equal(again.json!.findings.length, 0);
    assert.deepEqual(again.json!.summary.baseline, { file: baseline, new: 0, existing: first.json!.findings.length, fixed: 0 });
    assert.equal(again.code, 0);

    // Lines inserted above do not make old debt new; a new unpinned model is exactly one new finding.
    writeFileSync(join(root, 'agent.py'), '# a comment\n\n' + AGENT + 'MODEL = "gpt-5.5"\n');
    const after = await audit('--baseline', baseline, '--fail-on', 'warning');
    assert.deepEqual(after.json!.findings.map((f) => [f.rule, f.line]), [['GD401', 9]]);
    assert.equal(after.json!.summary.baseline!.new, 1);
    assert.equal(after.code, 1);
    assert.equal((await audit('--baseline', baseline, '--fail-on', 'error')).code, 0);
  });

  it('counts debt paid off since the baseline', async () => {
    const baseline = join(root, 'b.json');
    await audit('--baseline', baseline, '--update-baseline');
    writeFileSync(join(root, 'agent.py'), AGENT.replace('"gpt-4o"', '"gpt-5.5-2026-04-23"'));
    const after = await audit('--baseline', baseline);
    assert.ok(after.json!.summary.baseline!.fixed >= 1);
  });

  it('a missing or malformed baseline is a one-line error, exit 2', async () => {
    const missing = await audit('--baseline', join(root, 'nope.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.out.stderr, /baseline not found/);
    writeFileSync(join(root, 'bad.json'), '{"findings": 3}');
    const bad = await audit('--baseline', join(root, 'bad.json'));
    assert.equal(bad.code, 2);
    assert.match(bad.out.stderr, /not a genai-debt baseline/);
  });

  it('init writes a config that parses, a baseline and a workflow, and never overwrites', async () => {
    writeFileSync(join(root, '.genai-debt.json'), '{"rules": {}}');
    const out = capture();
    assert.equal(await main(['init', root], out), 0);
    assert.match(out.stdout, /kept\s+\.genai-debt\.json \(exists\)/);
    assert.equal(readFileSync(join(root, '.genai-debt.json'), 'utf8'), '{"rules": {}}');
    assert.ok(existsSync(join(root, '.genai-debt/baseline.json')));
    assert.match(readFileSync(join(root, '.github/workflows/genai-debt.yml'), 'utf8'), /--baseline \.genai-debt\/baseline\.json --format sarif/);
    rmSync(join(root, '.genai-debt.json'));
    await main(['init', root], capture());
    assert.doesNotThrow(() => parseConfig(readFileSync(join(root, '.genai-debt.json'), 'utf8'), rules));
  });
});
