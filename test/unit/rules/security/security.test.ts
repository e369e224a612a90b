import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../../../src/core/engine';
import type { Finding } from '../../../../src/core/finding';
import type { RuleDefinition } from '../../../../src/core/rule';
import { REPORT_FORMATS, renderReport } from '../../../../src/report/index';
import { hardcodedApiKey } from '../../../../src/rules/security/hardcoded-api-key';
import { llmOutputToDangerousSink } from '../../../../src/rules/security/llm-output-to-dangerous-sink';
import { untrustedInputInSystemPrompt } from '../../../../src/rules/security/untrusted-input-in-system-prompt';
import { auditWorkspace } from '../../../../src/workspace/audit';
import { loadFrontEnds } from '../../../../src/workspace/frontends';
import { FAKE_KEYS, writeSecretsFixture } from '../../report/secrets-fixture';

async function audit(rule: RuleDefinition, files: Record<string, string>): Promise<Finding[]> {
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: [rule] });
  const entries = Object.entries(files);
  const results = entries.map(([path, text]) => engine.analyzeFile({ path, text }));
  return engine.analyzeWorkspace(results, new Set(Object.keys(files)), { texts: new Map(entries) }).findings.filter((finding) => finding.rule === rule.code);
}

/** Everything a finding shows, as one string. */
function shown(finding: Finding): string {
  return JSON.stringify({ message: finding.message, related: finding.related, fix: finding.fix });
}

describe('security rules', () => {
  describe('GD501 hardcoded-api-key', () => {
    it('points at the key exactly and names the provider and the last 4 characters only', async () => {
      const key = FAKE_KEYS.anthropic;
      const [finding] = await audit(hardcodedApiKey, { 'app.py': `import anthropic\n\nclaude = anthropic.Anthropic(api_key="${key}")\n` });
      assert.deepEqual([finding.loc.line, finding.loc.column, finding.loc.endLine, finding.loc.endColumn], [3, 39, 3, 39 + key.length]);
      assert.equal(finding.message, `An API key of Anthropic (ending \`${key.slice(-4)}\`) is written into this file; load it from the environment or a secret manager, and revoke it`);
      assert.ok(!shown(finding).includes(key.slice(-12, -4)));
    });

    it('reports a key whose service nothing names only in a file that calls an LLM', async () => {
      const key = 'Qm7vTz2LpX9rKd4HsW8nYc3B';
      const analytics = await audit(hardcodedApiKey, { 'telemetry.py': `import requests\n\nrequests.post(URL, json={"api_key": "${key}", "event": "x"})\n` });
      assert.deepEqual(analytics, []);
      const [finding] = await audit(hardcodedApiKey, { 'app.py': `from openai import OpenAI\n\nGATEWAY_API_KEY = "${key}"\nclient = OpenAI(base_url=GATEWAY)\nclient.chat.completions.create(model="m", messages=[])\n` });
      assert.equal(finding.messageId, 'unattributedKey');
      assert.deepEqual([finding.loc.line, finding.loc.column], [3, 20]);
    });

    it('finds keys in .env files and in notebook cells, with the cell index', async () => {
      const envFindings = await audit(hardcodedApiKey, { '.env': `LANGSMITH_TRACING=true\nGROQ_API_KEY=${FAKE_KEYS.groq}\n` });
      assert.deepEqual(envFindings.map((f) => [f.loc.line, f.loc.column, f.message.split(' ')[4]]), [[2, 14, 'Groq']]);
      const notebook = JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['# intro'] }, { cell_type: 'code', source: ['import os\n', `os.environ["HF_TOKEN"] = "${FAKE_KEYS.huggingFace}"\n`] }], metadata: {} });
      const [cellFinding] = await audit(hardcodedApiKey, { 'demo.ipynb': notebook });
      assert.deepEqual([cellFinding.loc.cell, cellFinding.loc.line, cellFinding.loc.column], [1, 2, 27]);
    });

    it('no report format shows a key from a workspace full of them, while GD501 reports each', async function () {
      this.timeout(120_000);
      const root = writeSecretsFixture();
      try {
        writeFileSync(join(root, 'extra.py'), `COHERE_API_KEY = "${'Vb3kT9wQz2Lm8Rn4Hc7Jy5Fd6Gs1Pa0Xe'}"\n`);
        const result = await auditWorkspace(root, { git: false, threads: 1 });
        const keyFindings = result.findings.filter((finding) => finding.rule === 'GD501');
        assert.ok(keyFindings.length >= 15, `${keyFindings.length} GD501 findings`);
        const secrets = [...Object.values(FAKE_KEYS), 'Vb3kT9wQz2Lm8Rn4Hc7Jy5Fd6Gs1Pa0Xe'].map((key) => key.slice(-16, -4));
        for (const format of REPORT_FORMATS) {
          const output = renderReport(result, format, { docsBaseUrl: 'https://example.org/docs/rules/' });
          assert.ok(output.includes('GD501'), `${format} lists GD501`);
          for (const secret of secrets) assert.ok(!output.includes(secret), `${format} shows ${secret.slice(0, 3)}…`);
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });

  describe('GD502 llm-output-to-dangerous-sink', () => {
    it('names the path from the call through each variable to the sink', async () => {
      const [finding] = await audit(llmOutputToDangerousSink, {
        'agent.py': [
          'import subprocess',
          'from openai import OpenAI',
          'client = OpenAI()',
          'def act(goal):',
          '    reply = client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[])',
          '    command = reply.choices[0].message.content',
          '    subprocess.run(command, shell=True)',
          '',
        ].join('\n'),
      });
      assert.equal(finding.message, 'Model output reaches `subprocess.run(shell=True)`, which runs it as a shell command; validate it against a schema or an allow-list first, or sandbox it');
      assert.deepEqual([finding.loc.line, finding.loc.column, finding.loc.endLine, finding.loc.endColumn], [7, 5, 7, 40]);
      assert.deepEqual(finding.related.map((r) => [r.loc.line, r.loc.column, r.message]), [
        [5, 13, 'model output comes from `chat.completions.create` here'],
        [5, 5, '`reply` holds model output'],
        [6, 5, '`command` holds model output (from `reply`)'],
        [7, 20, '`subprocess.run(shell=True)` consumes it here'],
      ]);
    });

    it('stops at a sanitiser and at a re-binding to clean data', async () => {
      const findings = await audit(llmOutputToDangerousSink, {
        'page.ts': [
          "import OpenAI from 'openai';",
          'const openai = new OpenAI();',
          'export async function show(el: HTMLElement) {',
          "  const r = await openai.responses.create({ model: 'gpt-4o-2024-08-06', input: 'hi' });",
          '  let html = r.output_text;',
          '  el.innerHTML = html;',
          '  html = escapeHtml(html);',
          '  el.innerHTML = html;',
          '}',
          '',
        ].join('\n'),
      });
      assert.deepEqual(findings.map((f) => f.loc.line), [6]);
    });
  });

  describe('GD503 untrusted-input-in-system-prompt', () => {
    it('a FastAPI body model named `request` is user data; a Starlette `request: Request` and an unannotated `request` are not', async () => {
      const handler = (parameter: string, read: string) => [
        'from fastapi import FastAPI',
        'from openai import OpenAI',
        'app = FastAPI()',
        'client = OpenAI()',
        '@app.post("/chat")',
        `def chat(${parameter}):`,
        `    system = f"Address the customer as {${read}}."`,
        '    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "system", "content": system}])',
        '',
      ].join('\n');
      const body = await audit(untrustedInputInSystemPrompt, { 'app.py': handler('request: ChatRequest', 'request.customer_name') });
      assert.deepEqual(body.map((f) => [f.loc.line, f.message.split(' ')[0]]), [[7, '`request.customer_name`']]);
      assert.deepEqual(await audit(untrustedInputInSystemPrompt, { 'app.py': handler('request: Request', 'request.url') }), []);
      assert.deepEqual(await audit(untrustedInputInSystemPrompt, { 'app.py': handler('request', 'request.url') }), []);
    });

    it('reports the prompt, with the request source and the names it went through', async () => {
      const [finding] = await audit(untrustedInputInSystemPrompt, {
        'route.ts': [
          "import { generateText } from 'ai';",
          "import { openai } from '@ai-sdk/openai';",
          'export async function POST(req: Request) {',
          '  const body = await req.json();',
          '  const topic = body.topic;',
          "  return generateText({ model: openai('gpt-4o-2024-08-06'), system: `Discuss ${topic} only.`, prompt: 'go' });",
          '}',
          '',
        ].join('\n'),
      });
      assert.equal(finding.message, '`topic` from the request is interpolated into a system prompt; pass user text as a user message instead');
      assert.equal(finding.loc.line, 6);
      assert.deepEqual(finding.related.map((r) => [r.loc.line, r.message]), [
        [4, '`req.json` is the request'],
        [4, '`body` holds it'],
        [5, '`topic` holds it (from `body`)'],
      ]);
    });
  });
});
