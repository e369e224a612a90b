import { strict as assert } from 'node:assert';
import { Engine } from '../../../../src/core/engine';
import { countPromptTokens } from '../../../../src/catalog/tokens';
import { inputPriceOf, inputPrices, PRICES_AS_OF } from '../../../../src/catalog/prices';
import { oversizedPrompt } from '../../../../src/rules/prompt-stuffing/oversized-prompt';
import { loadFrontEnds } from '../../../../src/workspace/frontends';

const POLICY = 'Check the order history, quote the exact amount and offer the next step. '.repeat(200);

function pythonCall(model: string): string {
  return `from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = "${POLICY}"\nclient.chat.completions.create(model="${model}", messages=[{"role": "system", "content": SYSTEM}])\n`;
}

describe('GD101 oversized-prompt', () => {
  let engine: Engine;
  before(async () => {
    engine = new Engine({ frontEnds: await loadFrontEnds(), rules: [oversizedPrompt] });
  });
  const findings = (text: string, path = 'agent.py') => engine.analyzeFile({ path, text }).findings.filter((f) => f.rule === 'GD101');

  it('reports the prompt literal with its tokens and the cost per 1k calls at the model\'s input price', () => {
    const [finding, ...rest] = findings(pythonCall('gpt-4.1'));
    assert.equal(rest.length, 0);
    const tokens = countPromptTokens(POLICY, 'gpt-4.1').tokens;
    assert.equal(finding.messageId, 'oversizedPriced');
    assert.deepEqual({ line: finding.loc.line, column: finding.loc.column, endLine: finding.loc.endLine, endColumn: finding.loc.endColumn }, { line: 4, column: 10, endLine: 4, endColumn: 10 + POLICY.length + 2 });
    assert.equal(finding.impact.tokens, tokens);
    // gpt-4.1: $2.00 per 1M input tokens → tokens × 2e-6 × 1000 per 1k calls.
    assert.equal(finding.impact.costPer1kCalls, Math.round(tokens * 2 * 1e-3 * 10_000) / 10_000);
    assert.match(finding.message, new RegExp(`\\(o200k_base\\).*\\$${finding.impact.costPer1kCalls!.toFixed(2)} per 1k calls at \`gpt-4.1\`.*${PRICES_AS_OF}`));
  });

  it('uses cl100k_base for models of that encoding', () => {
    const [finding] = findings(pythonCall('gpt-4'));
    assert.match(finding.message, /\(cl100k_base\)/);
    assert.equal(finding.impact.costPer1kCalls, null, 'gpt-4 has no sourced price row');
    assert.equal(finding.messageId, 'oversized');
  });

  it('labels the count of a model without a public tokenizer as an estimate, and still prices it', () => {
    const [finding] = findings(pythonCall('claude-sonnet-4-5'));
    assert.equal(finding.messageId, 'oversizedPriced');
    assert.match(finding.message, /~[\d,]+ tokens \(estimated with o200k_base: `claude-sonnet-4-5` has no public tokenizer\)/);
    assert.equal(finding.impact.costPer1kCalls, Math.round(finding.impact.tokens * 3 * 1e-3 * 10_000) / 10_000);
  });

  it('gives no cost when the model is unknown', () => {
    const text = `from agents import Agent\n\nagent = Agent(name="a", instructions="${POLICY}")\n`;
    const [finding] = findings(text);
    assert.equal(finding.messageId, 'oversized');
    assert.equal(finding.impact.costPer1kCalls, null);
    assert.match(finding.message, /estimated with o200k_base: model unknown/);
  });

  it('honours maxPromptTokens', async () => {
    const strict = new Engine({ frontEnds: await loadFrontEnds(), rules: [oversizedPrompt], config: { include: [], exclude: [], maxFileBytes: 1e6, rules: { GD101: { enabled: true, options: { maxPromptTokens: 5 } } } } });
    const text = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": "You are the Acme support assistant, polite and precise."}])\n';
    assert.equal(strict.analyzeFile({ path: 'a.py', text }).findings.length, 1);
    assert.equal(findings(text).length, 0);
  });
});

describe('input price table', () => {
  it('gives every row a source and an ISO retrieval date, and each id one price', () => {
    const ids = inputPrices.flatMap((row) => row.ids);
    assert.equal(new Set(ids).size, ids.length);
    for (const row of inputPrices) {
      assert.ok(row.source.length > 20, row.ids[0]);
      assert.match(row.retrievedAt, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(row.inputPerMTok > 0);
    }
  });

  it('reads provider prefixes through and knows nothing of unlisted models', () => {
    assert.equal(inputPriceOf('openai/gpt-4o-mini')?.inputPerMTok, 0.15);
    assert.equal(inputPriceOf('anthropic:claude-haiku-4-5-20251001')?.inputPerMTok, 1);
    assert.equal(inputPriceOf('gpt-4o-2024-05-13'), null, 'the May 2024 snapshot had its own price');
    assert.equal(inputPriceOf('llama3.2'), null);
    assert.equal(inputPriceOf(null), null);
  });
});
