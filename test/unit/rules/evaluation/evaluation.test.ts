import { strict as assert } from 'node:assert';
import { Engine } from '../../../../src/core/engine';
import type { Finding } from '../../../../src/core/finding';
import type { RuleDefinition } from '../../../../src/core/rule';
import { noEvaluationSuite } from '../../../../src/rules/evaluation/no-evaluation-suite';
import { noFeedbackCapture } from '../../../../src/rules/evaluation/no-feedback-capture';
import { loadFrontEnds } from '../../../../src/workspace/frontends';

async function audit(rule: RuleDefinition, files: Record<string, string>, otherPaths: string[] = []): Promise<Finding[]> {
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: [rule] });
  const entries = Object.entries(files);
  const results = entries.map(([path, text]) => engine.analyzeFile({ path, text }));
  return engine.analyzeWorkspace(results, new Set([...Object.keys(files), ...otherPaths]), { texts: new Map(entries) }).findings.filter((finding) => finding.rule === rule.code);
}

const app = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'def once(q):',
  '    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[])',
  'def pipeline(q):',
  '    a = client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[])',
  '    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[])',
  '',
].join('\n');

describe('evaluation rules', () => {
  it('GD701: one finding per project, on the most-called entry point, saying what was looked for', async () => {
    const findings = await audit(noEvaluationSuite, { 'bot/requirements.txt': 'openai\n', 'bot/app.py': app, 'web/package.json': '{"name":"w"}', 'web/app.py': app });
    assert.deepEqual(findings.map((f) => [f.loc.file, f.loc.line, f.loc.column]), [['bot/app.py', 6, 9], ['web/app.py', 6, 9]]);
    assert.match(findings[0].message, /^No evaluation suite found for the 3 LLM call\(s\) of `bot\/`; looked for promptfoo, DeepEval, Ragas, .*tests that call the LLM code with assertions$/);
  });

  it('GD701: a promptfoo config found by path alone covers its project', async () => {
    const findings = await audit(noEvaluationSuite, { 'bot/requirements.txt': 'openai\n', 'bot/app.py': app }, ['bot/promptfooconfig.yaml']);
    assert.deepEqual(findings, []);
  });

  it('GD702: a feedback route without any id is not capture; with a message id it is', async () => {
    const route = (body: string) => `from fastapi import FastAPI\napp = FastAPI()\n@app.post("/feedback")\ndef feedback(${body}):\n    return {}\n`;
    assert.equal((await audit(noFeedbackCapture, { 'app.py': app, 'api.py': route('score: int') })).length, 1);
    assert.equal((await audit(noFeedbackCapture, { 'app.py': app, 'api.py': route('message_id: str, score: int') })).length, 0);
  });
});
