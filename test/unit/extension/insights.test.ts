import assert from 'node:assert/strict';
import { callLensText, modelHoverMarkdown, promptLensText, toolHoverMarkdown } from '../../../src/extension/insights';
import { ModelCatalog } from '../../../src/catalog/models';
import { countPromptTokens } from '../../../src/catalog/tokens';
import type { Finding } from '../../../src/core/finding';

describe('extension: CodeLens and hover texts', () => {
  it('shows a prompt\'s tokens and cost per 1k calls at its model\'s input price', () => {
    const text = 'Answer questions about orders, returns and shipping. '.repeat(80);
    const tokens = countPromptTokens(text, 'gpt-4.1').tokens;
    const cost = tokens * (2 / 1_000_000) * 1000; // gpt-4.1: US$2 per 1M input tokens
    assert.equal(promptLensText({ text, model: 'gpt-4.1' }), `${tokens.toLocaleString('en-US')} tokens · $${cost.toFixed(2)} per 1k calls (gpt-4.1)`);
  });

  it('marks estimated counts and says when there is no model or no price', () => {
    assert.match(promptLensText({ text: 'Be brief.', model: null }), /^~\d+ tokens$/);
    assert.match(promptLensText({ text: 'Be brief.', model: 'my-own-model' }), /^~\d+ tokens \(my-own-model: no price in the table\)$/);
  });

  it('says whether an LLM call is traced, and by what', () => {
    assert.equal(callLensText({ traced: true, tracedBy: 'mlflow' }), 'traced by mlflow');
    assert.equal(callLensText({ traced: false, tracedBy: null }), 'untraced');
    assert.equal(callLensText(undefined), 'untraced');
  });

  it('hovers a moving alias with its snapshot, price and the catalog\'s date', () => {
    const catalog = new ModelCatalog({ models: {} }, '2026-01-01');
    const hover = modelHoverMarkdown('gpt-4o', 'openai', catalog);
    assert.match(hover, /Moving alias → today `gpt-4o-2024-08-06`/);
    assert.match(hover, /Input price: \$2\.5 per 1M tokens/);
    assert.match(hover, /read \d{4}-\d{2}-\d{2}/);
  });

  it('hovers a retired model with its date and replacement, as the config overrides them', () => {
    const catalog = new ModelCatalog({ models: { 'acme-1': { pinned: true, status: 'retired', shutdown: '2025-06-01', replacement: 'acme-2' } } }, '2026-01-01');
    const hover = modelHoverMarkdown('acme-1', null, catalog);
    assert.match(hover, /Status: \*\*retired\*\*, retired on 2025-06-01; replacement `acme-2`/);
  });

  it('hovers a tool with the tools it overlaps with, redacting keys', () => {
    const loc = { file: 'agents.py', line: 12, column: 5, endLine: 12, endColumn: 21 };
    const overlap = {
      rule: 'GD201', loc, related: [{ loc: { file: 'agents.py', line: 18, column: 5, endLine: 18, endColumn: 23 }, message: 'fetch_order_status (score 0.91)' }],
    } as unknown as Finding;
    const hover = toolHoverMarkdown({ name: 'get_order_status', framework: 'openai-agents', description: 'Look up an order. Uses key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', parameters: [{ name: 'order_id', type: 'str', description: null, required: true }], loc }, [overlap]);
    assert.match(hover, /Overlaps with:\n- fetch_order_status \(score 0\.91\) \(agents\.py:18\)/);
    assert.match(hover, /`order_id`/);
    assert.ok(!hover.includes('abcdefghijklmnopqrstuvwxyz0123456789'));
  });
});
