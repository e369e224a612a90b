import { strict as assert } from 'node:assert';
import type { LlmCall } from '../../../../src/core/facts';
import { opaquePipeline } from '../../../../src/rules/tracing/opaque-pipeline';
import { conditionalContext } from '../../../../src/rules/tracing/branches';
import { consumesEarlierStep } from '../../../../src/rules/tracing/data-flow';
import { auditFiles } from './audit';

function step(line: number, column: number, callee: string): LlmCall {
  return {
    kind: 'llmCall', loc: { file: 'a.py', line, column, endLine: line, endColumn: column + callee.length }, provider: 'openai', api: 'chat.completions.create',
    operation: 'chat', model: null, indirect: false, enclosingFunction: 'f', client: null, baseUrl: null, tools: null, heuristic: false, tracedBy: null,
  };
}

describe('GD302 opaque-pipeline', () => {
  it('reports at the first step, names the steps and relates the others with how each is traced', async () => {
    const code = [
      'import mlflow',
      'from openai import OpenAI',
      'import anthropic',
      '',
      'mlflow.openai.autolog()',
      '',
      'def pipeline(q):',
      '    draft = OpenAI().chat.completions.create(model="gpt-4o-mini", messages=[q])',
      '    return anthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=9, messages=[draft])',
      '',
    ].join('\n');
    const result = await auditFiles({ 'app.py': code }, [opaquePipeline]);
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.deepEqual([finding.loc.line, finding.loc.column], [8, 13]);
    assert.equal(finding.message, '`pipeline` chains 2 LLM steps (`chat.completions.create`, `messages.create`) with no span over the whole, so its steps land in separate traces');
    assert.deepEqual(finding.related.map((related) => [related.loc.line, related.message]), [[9, 'step `messages.create` (untraced)']]);
    // No decorator is used in the workspace, so no fix.
    assert.equal(finding.fix, null);
  });

  it('reads conditional branches from indentation', () => {
    const lines = ['def f(fast):', '    a = 1', '    if fast:', '        x()', '    else:', '        y()', '    z()'];
    assert.equal(conditionalContext(lines, 4), '3');
    assert.equal(conditionalContext(lines, 6), '5');
    assert.equal(conditionalContext(lines, 7), '');
    const ts = ['function f() {', '  if (a) {', '    x();', '  } else {', '    y();', '  }', '}'];
    assert.notEqual(conditionalContext(ts, 3), conditionalContext(ts, 5));
  });

  it('links steps through names assigned from an earlier result, over several lines, and not through keyword arguments', () => {
    const chained = ['    a = client.create(q)', '    text = a.output', '    prompt = f"""', '{text}', '"""', '    b = client.create(prompt)'];
    assert.equal(consumesEarlierStep([step(1, 9, 'client.create'), step(6, 9, 'client.create')], chained), true);
    const independent = ['    a = client.create(input=q)', '    print(a)', '    a = client.create(input="other")'];
    assert.equal(consumesEarlierStep([step(1, 9, 'client.create'), step(3, 9, 'client.create')], independent), false);
    const keyword = ['    client.create(', '        input=q,', '    )', '    client.create(input=x)'];
    assert.equal(consumesEarlierStep([step(1, 5, 'client.create'), step(4, 5, 'client.create')], keyword), false);
  });
});
