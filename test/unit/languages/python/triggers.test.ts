import { strict as assert } from 'node:assert';
import { callShapes } from '../../../../src/catalog/sdk-calls';
import { catalogPasses } from '../../../../src/languages/python/triggers';
import { extractPy, factsOf, py } from './helpers';

describe('python front-end: text pre-check of the catalog passes', () => {
  it('opens the call pass for every module root named by a Python call shape', () => {
    const roots = new Set(callShapes.flatMap((shape) => shape.python ?? []).map((pattern) => pattern.split('.')[0]).filter((root) => /^[A-Za-z_]\w*$/.test(root)));
    assert.ok(roots.size > 10);
    for (const root of roots) assert.ok(catalogPasses(`import ${root}\n`).has('llmCalls'), root);
    assert.ok(catalogPasses('from agno.agent import Agent\n').has('llmCalls'));
  });

  it('keeps the passes closed for a file that names no catalog module or method', () => {
    assert.deepEqual([...catalogPasses('import json\nrows = json.loads(text)\nprint(rows)\n')], []);
    // identifiers that merely contain a root (`openai_key`) do not open anything
    assert.deepEqual([...catalogPasses('openai_key = 1\n')], []);
  });

  it('a file without catalog words still yields its prompt constants, model constants and schema dicts', async () => {
    const facts = await factsOf(py(
      'SYSTEM_PROMPT = "You are a helpful assistant for a bank."',
      'DEFAULT_MODEL = "gpt-4o-2024-08-06"',
      'TOOL = {"type": "function", "function": {"name": "lookup", "description": "Find an order", "parameters": {}}}',
    ));
    assert.deepEqual(facts.prompts.map((prompt) => prompt.name), ['SYSTEM_PROMPT']);
    assert.deepEqual(facts.models.map((model) => model.id), ['gpt-4o-2024-08-06']);
    assert.deepEqual(facts.tools.map((tool) => tool.name), ['lookup']);
  });

  it('counts syntax errors of a file it does not walk', async () => {
    const result = await extractPy('def broken(:\n    pass\n');
    assert.ok(result.syntaxErrors > 0);
  });

  it('rules calls out by method name only when the name cannot change: members and passthroughs are resolved', async () => {
    const facts = await factsOf(py(
      'from openai import OpenAI',
      'class Bot:',
      '    def __init__(self):',
      '        self.client = OpenAI()',
      '        self.ask = self.client.chat.completions.create',
      '    def run(self, q):',
      '        self.ask(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": q}])',
      '        return self.client.with_options(timeout=5).chat.completions.create(model="gpt-4o", messages=[])',
      'def helper(client):',
      '    client.logs.append("x")',
    ));
    assert.deepEqual(facts.llmCalls.map((call) => `${call.loc.line} ${call.api} ${call.model?.value}`), ['7 chat.completions.create gpt-4o-mini-2024-07-18', '8 chat.completions.create gpt-4o']);
  });

  it("recognises Portkey's OpenAI-shaped gateway client", async () => {
    const facts = await factsOf(py(
      'from portkey_ai import Portkey',
      'portkey = Portkey(api_key=os.environ["PORTKEY_API_KEY"])',
      'def answer(q):',
      '    return portkey.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "system", "content": f"Answer: {q}"}])',
    ));
    assert.deepEqual(facts.llmCalls.map((call) => `${call.provider} ${call.api} ${call.model?.value}`), ['portkey chat.completions.create gpt-4o-2024-08-06']);
    assert.deepEqual(facts.prompts.map((prompt) => prompt.role), ['system']);
  });
});
