import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { capture } from './capture';
import type { AuditJson } from '../../../src/report/json';


const CONFIG = '{"rules": {"untraced-llm-call": "off", "no-evaluation-suite": "off", "no-feedback-capture": "off"}}';

describe('genai-debt CLI', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'genai-debt-cli-'));
    // One moving alias (gpt-5.5: not deprecated, so GD401 alone); tracing is not what these tests are about.
    writeFileSync(join(root, 'agent.py'), 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-5.5", messages=[{"role": "system", "content": "Be brief."}])\n');
    writeFileSync(join(root, '.genai-debt.json'), CONFIG);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints the JSON contract: findings, inventory, skipped, summary', async () => {
    const out = capture();
    const code = await main(['audit', root, '--format', 'json'], out);
    assert.equal(code, 0, 'warnings do not fail at the default --fail-on error');
    const audit = JSON.parse(out.stdout) as AuditJson;
    assert.deepEqual(Object.keys(audit), ['tool', 'findings', 'inventory', 'skipped', 'summary']);
    assert.deepEqual(audit.tool, { name: 'genai-debt', version: '0.1.0' });
    const [finding] = audit.findings;
    assert.deepEqual(
      { rule: finding.rule, name: finding.name, file: finding.file, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, severity: finding.severity },
      { rule: 'GD401', name: 'unpinned-model', file: 'agent.py', line: 4, column: 38, endLine: 4, endColumn: 47, severity: 'warning' },
    );
    assert.match(finding.fingerprint, /^[0-9a-f]{16}$/);
    const [call] = audit.inventory.llmCalls;
    assert.deepEqual([call.file, call.line, call.column, call.provider, call.api, call.model, call.traced], ['agent.py', 4, 1, 'openai', 'chat.completions.create', 'gpt-5.5', false]);
    assert.deepEqual(audit.inventory.prompts.map((p) => [p.role, p.tokens]), [['system', 3]]);
    assert.equal(audit.summary.files, 1);
    assert.deepEqual(audit.summary.byRule, { GD401: 1 });
  });

  it('exits 1 when a finding is at or above --fail-on, 0 with never', async () => {
    assert.equal(await main(['audit', root, '--fail-on', 'warning'], capture()), 1);
    assert.equal(await main(['audit', root, '--fail-on', 'never'], capture()), 0);
  });

  it('prints text grouped by file, with line, code and summary', async () => {
    const out = capture();
    await main(['audit', root], out);
    assert.match(out.stdout, /^agent\.py\n\s+4:38\s+warning\s+`gpt-5\.5` is a moving alias.* GD401 unpinned-model$/m);
    assert.match(out.stdout, /1 finding \(1 warning\) in 1 file/);
    assert.doesNotMatch(out.stdout, /\u001b\[/, 'no colour when not on a terminal');
  });

  it('--quiet prints the findings only', async () => {
    const out = capture();
    await main(['audit', root, '--quiet'], out);
    assert.match(out.stdout, /GD401 unpinned-model/);
    assert.doesNotMatch(out.stdout, /Inventory|finding \(/);
  });

  it('writes --output to a file', async () => {
    const file = join(root, 'report.json');
    await main(['audit', root, '--format', 'json', '--output', file], capture());
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as AuditJson).findings.length, 1);
    rmSync(file);
  });

  const usage: [string[], RegExp][] = [
    [['audit', '--format', 'xml'], /--format must be one of text, json/],
    [['audit', '--fail-on', 'sometimes'], /--fail-on must be one of/],
    [['audit', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['rule', 'GD999'], /unknown rule "GD999"/],
    [['audit', '/no/such/folder'], /no such file or folder/],
  ];
  for (const [args, message] of usage) {
    it(`exits 2 with one line for: ${args.join(' ')}`, async () => {
      const out = capture();
      assert.equal(await main(args, out), 2);
      assert.match(out.stderr, message);
      assert.equal(out.stderr.trim().split('\n').length, 1);
    });
  }

  it('exits 2 with one line for a bad config file', async () => {
    writeFileSync(join(root, '.genai-debt.json'), '{"rules": {"GD401": "loud"}}');
    const out = capture();
    assert.equal(await main(['audit', root], out), 2);
    assert.match(out.stderr, /rules\.GD401 must be "off", a severity/);
    writeFileSync(join(root, '.genai-debt.json'), CONFIG);
  });

  it('lists rules and shows a rule\'s docs; --help for each command', async () => {
    const list = capture();
    await main(['rules'], list);
    assert.match(list.stdout, /^GD401\s+unpinned-model\s+versioning\s+warning\s+fix: safe$/m);
    const docs = capture();
    await main(['rule', 'unpinned-model'], docs);
    for (const section of ['## What it does', '## Why is this bad?', '## Example', 'Use instead:', '## Fix safety', '## Options', '## References']) assert.ok(docs.stdout.includes(section), section);
    for (const command of ['audit', 'rules', 'rule']) {
      const help = capture();
      assert.equal(await main([command, '--help'], help), 0);
      assert.match(help.stdout, new RegExp(`^Usage: genai-debt ${command}`));
    }
  });
});
