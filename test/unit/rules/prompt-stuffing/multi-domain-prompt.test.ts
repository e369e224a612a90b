import { strict as assert } from 'node:assert';
import { Engine } from '../../../../src/core/engine';
import { multiDomainPrompt } from '../../../../src/rules/prompt-stuffing/multi-domain-prompt';
import { domainSections, userBranches } from '../../../../src/rules/prompt-stuffing/sections';
import { loadFrontEnds } from '../../../../src/workspace/frontends';

const BODY = 'Look up the order history first, explain the relevant policy in plain words, quote the exact figures from the records, offer the next concrete step, and escalate to a human agent whenever the customer disputes what the records show or asks the same question twice.';

describe('GD104 multi-domain-prompt', () => {
  it('reports a prompt with six domain sections, linking each section', async () => {
    const topics = ['Billing', 'Shipping', 'Returns', 'Warranty', 'Setup', 'Loyalty'];
    const lines = ['You are the Acme assistant.', ...topics.flatMap((topic) => [`## ${topic}`, BODY])];
    const text = `from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = (\n${lines.map((line) => `    "${line}\\n"`).join('\n')}\n)\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM}])\n`;
    const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: [multiDomainPrompt] });
    const [finding, ...rest] = engine.analyzeFile({ path: 'agent.py', text }).findings;
    assert.equal(rest.length, 0);
    assert.equal(finding.messageId, 'sections');
    assert.equal(finding.loc.line, 5);
    assert.deepEqual(finding.related.map((related) => related.loc.line), [6, 8, 10, 12, 14, 16]);
    assert.match(finding.message, /^`SYSTEM` covers 6 separate domains \("Billing", "Shipping", "Returns", "Warranty", …\)/);
  });

  it('reads the children of a lone title, skips scaffolding and short outline blocks', () => {
    const text = ['# Handbook', '## Payroll', BODY, '## Output format', BODY, '## Summary', 'Two lines.', '## Vacation', BODY].join('\n');
    assert.deepEqual(domainSections(text, 40).map((section) => section.title), ['Payroll', 'Vacation']);
  });

  it('counts XML blocks only at the top level, and facets of one heading once', () => {
    const xml = `<billing>${BODY}<note>${BODY}</note></billing><shipping>${BODY}</shipping>`;
    assert.deepEqual(domainSections(xml, 40).map((section) => section.title), ['billing', 'shipping']);
    const facets = ['## ALLOW - billing', BODY, '## ALLOW - shipping', BODY, '## BLOCK - weapons', BODY].join('\n');
    assert.deepEqual(domainSections(facets, 40).map((section) => section.title), ['ALLOW - billing', 'BLOCK - weapons']);
  });

  it('collects distinct "if the user asks about" subjects', () => {
    const text = 'If the user asks about pricing, quote the table. If the user asks about pricing, be exact. When the customer wants a refund, check the order.';
    assert.deepEqual(userBranches(text).map((branch) => branch.title), ['pricing', 'a refund']);
  });
});
