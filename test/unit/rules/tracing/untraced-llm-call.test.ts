import { strict as assert } from 'node:assert';
import { applyFix } from '../../../../src/core/fix';
import { toAuditJson } from '../../../../src/report/json';
import { untracedLlmCall } from '../../../../src/rules/tracing/untraced-llm-call';
import { auditFiles } from './audit';

const TRACED = [
  'from langfuse import observe',
  'from openai import OpenAI',
  '',
  '',
  '@observe(name="answer")',
  'def answer(q):',
  '    return OpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])',
  '',
].join('\n');

const UNTRACED = [
  '"""Classification."""',
  'from __future__ import annotations',
  '',
  'from openai import OpenAI',
  '',
  '',
  '@router.post("/classify")',
  'async def classify(q):',
  '    return OpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])',
  '',
].join('\n');

describe('GD301 untraced-llm-call', () => {
  it('reports an untraced call at its callee, names what was looked for, and offers the decorator the workspace uses', async () => {
    const result = await auditFiles({ 'traced.py': TRACED, 'classify.py': UNTRACED }, [untracedLlmCall]);
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.deepEqual([finding.loc.file, finding.loc.line, finding.loc.column, finding.loc.endLine, finding.loc.endColumn], ['classify.py', 9, 12, 9, 44]);
    assert.equal(finding.messageId, 'untraced');
    assert.equal(finding.message, 'No tracing covers this `chat.completions.create` call (openai): looked for an instrumentor or autolog of `openai`, a wrapped client, a tracing gateway, and a decorator or span around `classify`');
    assert.equal(finding.fix?.safety, 'unsafe');
    const fixed = applyFix(UNTRACED, finding.fix!);
    // Innermost decorator (below the route), import after the __future__ import.
    assert.equal(fixed, UNTRACED.replace('from __future__ import annotations\n', 'from __future__ import annotations\nfrom langfuse import observe\n').replace('async def classify', '@observe()\nasync def classify'));
    const again = await auditFiles({ 'traced.py': TRACED, 'classify.py': fixed }, [untracedLlmCall]);
    assert.equal(again.findings.length, 0);
  });

  it('does not import a decorator the file already binds', async () => {
    const file = `${TRACED}\ndef other(q):\n    return OpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n`;
    const [finding] = (await auditFiles({ 'app.py': file }, [untracedLlmCall])).findings;
    assert.deepEqual(finding.fix?.edits.map((edit) => [edit.loc.line, edit.newText]), [[9, '@observe()\n']]);
  });

  it('reports a project that traces nothing once, at its first call, with the other calls related', async () => {
    const app = 'from openai import OpenAI\nimport anthropic\n\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\nanthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=1, messages=[])\n';
    const result = await auditFiles({ 'app.py': app, 'tests/test_app.py': app }, [untracedLlmCall]);
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.equal(finding.messageId, 'projectUntraced');
    assert.equal(finding.loc.line, 4);
    assert.equal(finding.message, 'Nothing traces the 2 LLM call(s) of the workspace (`anthropic`, `openai`): no instrumentor, autolog, wrapped client, gateway, tracing decorator, span or tracing env switch was found');
    assert.deepEqual(finding.related.map((related) => [related.loc.line, related.message]), [[5, 'untraced `messages.create` call (anthropic)']]);
    assert.equal(finding.fix, null);
  });

  it('reports every call when grouping is off', async () => {
    const app = 'from openai import OpenAI\n\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n';
    const rule = { ...untracedLlmCall, options: { ...untracedLlmCall.options, groupUntracedProjects: { ...untracedLlmCall.options.groupUntracedProjects, default: false } } };
    const result = await auditFiles({ 'app.py': app }, [rule]);
    assert.deepEqual(result.findings.map((finding) => [finding.messageId, finding.loc.line]), [['untraced', 3], ['untraced', 4]]);
  });

  it('agrees with the JSON inventory: every untraced call is reported, no traced one is', async () => {
    const files = {
      'requirements.txt': 'openai==1.99.0\nlangchain-openai==0.3.28\n',
      'setup_tracing.py': 'from openinference.instrumentation.langchain import LangChainInstrumentor\nLangChainInstrumentor().instrument()\n',
      'app.py': 'from langchain_openai import ChatOpenAI\nfrom openai import OpenAI\n\ndef a(q):\n    return ChatOpenAI(model="gpt-4o-mini").invoke(q)\n\ndef b(q):\n    return OpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n',
    };
    const result = await auditFiles(files, [untracedLlmCall]);
    const inventory = toAuditJson(result, 0).inventory.llmCalls;
    assert.deepEqual(inventory.map((call) => [call.line, call.traced, call.tracedBy]), [[5, true, 'openinference'], [8, false, null]]);
    assert.deepEqual(result.findings.map((finding) => [finding.loc.file, finding.loc.line]), inventory.filter((call) => !call.traced).map((call) => [call.file, call.line]));
  });
});
