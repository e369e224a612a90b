import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { at, factsOf } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../../test/fixtures/frontends/typescript', name), 'utf8');

describe('typescript front-end: fixture support-bot.ts', () => {
  const facts = factsOf(fixture('support-bot.ts'), 'support-bot.ts');

  it('finds the call with its env model, class client, tools and tracing', () => {
    assert.equal(facts.llmCalls.length, 1);
    const call = facts.llmCalls[0];
    assert.equal(at(call.loc), '20:12');
    assert.equal(call.provider, 'openai');
    assert.equal(call.api, 'chat.completions.create');
    assert.equal(call.model?.value, null);
    assert.equal(call.model?.via, 'env');
    assert.equal(call.client, 'this.client');
    assert.equal(call.enclosingFunction, 'SupportBot.answer');
    assert.deepEqual(call.tools && { count: call.tools.count, names: call.tools.names }, { count: 1, names: ['lookup_order'] });
    assert.equal(call.tracedBy?.library, 'langsmith');
  });

  it('reads the list-joined system prompt as used by the call, and the tool', () => {
    const system = facts.prompts.find((prompt) => prompt.name === 'SYSTEM_PROMPT')!;
    assert.equal(at(system.loc), '6:23');
    assert.equal(system.role, 'system');
    assert.equal(system.usedByCall, true);
    assert.equal(system.assembly.style, 'list-join');
    assert.deepEqual(system.variables, ['language']);
    assert.equal(facts.tools[0].name, 'lookup_order');
    assert.equal(at(facts.tools[0].loc), '13:41');
    assert.equal(facts.models.length, 0);
  });
});
