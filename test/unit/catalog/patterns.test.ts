import { strict as assert } from 'node:assert';
import { compilePattern, lastSegmentNames } from '../../../src/catalog/patterns';
import { findCallShape } from '../../../src/catalog/lookup';

describe('catalog patterns', () => {
  it('matches literal, called, alternative and double-star segments', () => {
    const pattern = compilePattern('{openai,langfuse.openai}.{OpenAI,AsyncOpenAI}().**.chat.completions.create');
    assert.ok(pattern.test('openai.OpenAI().chat.completions.create'));
    assert.ok(pattern.test('langfuse.openai.AsyncOpenAI().beta.chat.completions.create'));
    assert.ok(!pattern.test('openai.OpenAI.chat.completions.create'));
    assert.ok(!pattern.test('openai.OpenAI().chat.completions.create.extra'));
  });

  it('matches npm scopes and a trailing double star', () => {
    assert.ok(compilePattern('@anthropic-ai/sdk.{default,Anthropic}().**.messages.create').test('@anthropic-ai/sdk.default().messages.create'));
    assert.ok(compilePattern('langchain_openai.**').test('langchain_openai'));
    assert.ok(compilePattern('langchain_openai.**').test('langchain_openai.chat_models.ChatOpenAI'));
  });

  it('finds heuristic shapes only when the file imports the SDK', () => {
    assert.equal(findCallShape('?.messages.create', 'python', new Set(['json']))?.shape.provider, undefined);
    assert.equal(findCallShape('?.messages.create', 'python', new Set(['anthropic']))?.shape.provider, 'anthropic');
    assert.equal(findCallShape('?.messages.create', 'python', new Set(['anthropic']))?.heuristic, true);
    assert.equal(findCallShape('openai.OpenAI().responses.create', 'python', new Set())?.shape.api, 'responses.create');
    assert.equal(findCallShape('langchain_openai.ChatOpenAI().invoke', 'python', new Set())?.shape.modelProvider, 'openai');
    assert.equal(findCallShape('langchain_openai.ChatOpenAI()', 'python', new Set())?.shape.construct, true);
  });

  it('lists the names a path matching the patterns can end in, or none for a trailing wildcard', () => {
    assert.deepEqual([...lastSegmentNames(['openai.OpenAI().chat.completions.{create,parse}', 'x.{run,start_chat().send_message}', 'agents.Agent()'])!].sort(), ['Agent', 'create', 'parse', 'run', 'send_message']);
    assert.equal(lastSegmentNames(['openai.OpenAI().chat.completions.create', 'dvc.api.**']), null);
    assert.equal(lastSegmentNames(['transformers.**.*.from_pretrained', 'x.*()']), null);
  });
});
