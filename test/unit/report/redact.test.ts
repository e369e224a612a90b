import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { REPORT_FORMATS, renderReport } from '../../../src/report/index';
import type { AuditJson } from '../../../src/report/json';
import { redactDeep, redactSecrets } from '../../../src/report/redact';
import { auditWorkspace } from '../../../src/workspace/audit';
import { auditExamples, copy } from './example-audit';
import { FAKE_KEYS, inContext, writeSecretsFixture } from './secrets-fixture';

const KEYS = Object.entries(FAKE_KEYS);

/** A key leaks if it appears whole, or if any 8 characters of its secret part do (a key cut in two by a format). */
function leaks(output: string): string[] {
  const found: string[] = [];
  for (const [name, key] of KEYS) {
    const secret = key.replace(/^(sk-ant-api03-|sk-proj-|sk-|AIza|hf_|AKIA|gsk_)/, '');
    if (output.includes(key)) found.push(`${name} (whole)`);
    else if (Array.from({ length: secret.length - 11 }, (_, i) => secret.slice(i, i + 8)).some((chunk) => output.includes(chunk))) found.push(`${name} (part)`);
  }
  return found;
}

describe('redaction of secrets', () => {
  it('redacts each provider key and keeps its prefix and at most the last 4 characters', () => {
    for (const [name, key] of KEYS) {
      const redacted = redactSecrets(`value: ${inContext(name as keyof typeof FAKE_KEYS)} end`);
      assert.ok(!redacted.includes(key), name);
      assert.match(redacted, /\[REDACTED(…[A-Za-z0-9_-]{4})?\]/, name);
      const kept = /\[REDACTED…?([^\]]*)\]/.exec(redacted)![1];
      assert.ok(kept.length <= 4, `${name} keeps ${kept.length} characters`);
      assert.ok(key.endsWith(kept), name);
    }
    assert.equal(redactSecrets(`key ${FAKE_KEYS.anthropic}`), `key sk-ant-api03-[REDACTED…${FAKE_KEYS.anthropic.slice(-4)}]`);
    assert.equal(redactSecrets(`"${FAKE_KEYS.openaiProject}"`), `"sk-proj-[REDACTED…${FAKE_KEYS.openaiProject.slice(-4)}]"`);
  });

  it('redacts generic tokens after api_key=, token: and Authorization: Bearer', () => {
    const token = 'q8ZrT2vLm9XcW4pNa7Yk3Hd';
    for (const text of [`https://x.example/v1?api_key=${token}`, `apiKey: "${token}"`, `Authorization: Bearer ${token}`, `access_token=${token}&x=1`, `password='${token}'`]) {
      const redacted = redactSecrets(text);
      assert.ok(!redacted.includes(token.slice(0, 12)), text);
      assert.match(redacted, /\[REDACTED…k3Hd\]/, text);
    }
  });

  it('leaves placeholders, environment look-ups, model ids and prose alone', () => {
    for (const text of [
      'api_key=YOUR_API_KEY_HERE', 'api_key=os.environ["OPENAI_API_KEY"]', '`gpt-4o-2024-08-06` is pinned', 'claude-sonnet-4-5-20250929',
      'the sk-learn-pipeline-configuration module', 'task-force-reconfiguration-plan', 'max_tokens=4096', 'a 2,000-token prompt', 'hf_hub_download(repo_id="org/model")',
    ]) assert.equal(redactSecrets(text), text);
  });

  it('redacts every string of a JSON value, deep, without changing its shape or numbers', () => {
    const value = { a: [FAKE_KEYS.openai, { b: `x ${FAKE_KEYS.google}`, n: 3, z: null, t: true }] };
    const redacted = redactDeep(value);
    assert.deepEqual(leaks(JSON.stringify(redacted)), []);
    assert.equal(redacted.a[1] && typeof redacted.a[1] === 'object' ? redacted.a[1].n : undefined, 3);
    assert.equal(value.a[0], FAKE_KEYS.openai, 'the input is not changed');
  });

  it('no format shows a key that any field of the audit quotes', async () => {
    // Every string of the example audit gets a key appended: messages, related places, ledger reasons and
    // tickets, inventory fields, skipped reasons, and the keys of the summary's rule counts.
    const audit = copy(await auditExamples());
    let next = 0;
    const plant = <T>(value: T): T => {
      if (typeof value === 'string') return `${value} ${inContext(KEYS[next++ % KEYS.length][0] as keyof typeof FAKE_KEYS)}` as T;
      if (Array.isArray(value)) return value.map(plant) as T;
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plant(v)])) as T;
      return value;
    };
    const planted: AuditJson = { ...plant(audit), tool: audit.tool };
    planted.findings[0].acknowledged = { reason: `rotated, see ${FAKE_KEYS.aws}`, ticket: `AI-1 ${inContext('bearer')}` };
    assert.ok(leaks(JSON.stringify(planted)).length === KEYS.length, 'every key is planted');
    for (const format of REPORT_FORMATS) assert.deepEqual(leaks(renderReport(planted, format)), [], format);
  });

  it('auditing a workspace full of fake keys: no format shows one', async function () {
    this.timeout(120_000);
    const root = writeSecretsFixture();
    try {
      const audit = await auditWorkspace(root, { git: false, threads: 1 });
      assert.ok(leaks(JSON.stringify(audit)).length > 0, 'the raw audit quotes keys (from a base_url and a tool description), so redaction has work to do');
      for (const format of REPORT_FORMATS) {
        const output = renderReport(audit, format, { docsBaseUrl: 'https://example.org/docs/rules/' });
        assert.ok(output.length > 100, format);
        assert.deepEqual(leaks(output), [], format);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
