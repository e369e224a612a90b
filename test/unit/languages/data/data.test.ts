import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDataFrontEnd } from '../../../../src/languages/data';

const fixtures = resolve(__dirname, '../../../../../test/fixtures/frontends/data');
const frontEnd = createDataFrontEnd();

function extractFixture(name: string, path = name) {
  return frontEnd.extract({ path, text: readFileSync(resolve(fixtures, name), 'utf8') });
}

function extractText(path: string, text: string) {
  return frontEnd.extract({ path, text });
}

describe('data front-end: tool schemas', () => {
  it('reads OpenAI nested and Responses flat tools from JSON with comments, with positions', () => {
    const { facts, syntaxErrors } = extractFixture('tools.json', 'config/tools.json');
    assert.equal(syntaxErrors, 0);
    assert.deepEqual(facts.tools.map((tool) => [tool.name, tool.framework]), [['get_weather', 'openai'], ['search_docs', 'openai']]);
    const [weather, search] = facts.tools;
    assert.deepEqual([weather.loc.line, weather.loc.column, weather.loc.endLine, weather.loc.endColumn], [4, 5, 18, 6]);
    assert.equal(weather.loc.file, 'config/tools.json');
    assert.equal(weather.description, 'Current weather for a city.');
    assert.deepEqual(weather.parameters, [
      { name: 'city', type: 'string', description: 'City name', required: true },
      { name: 'unit', type: 'string|null', description: null, required: false },
    ]);
    assert.deepEqual([search.loc.line, search.loc.column], [19, 5]);
    assert.deepEqual(search.parameters.map((parameter) => parameter.name), ['query']);
  });

  it('reads Anthropic input_schema tools from YAML and ignores hosted tools', () => {
    const { facts } = extractFixture('anthropic-tools.yaml');
    assert.equal(facts.tools.length, 1);
    const [tool] = facts.tools;
    assert.equal(tool.framework, 'anthropic');
    assert.equal(tool.name, 'lookup_order');
    assert.deepEqual([tool.loc.line, tool.loc.column], [2, 3]);
    assert.deepEqual(tool.parameters, [{ name: 'order_id', type: 'string', description: 'The order id', required: true }]);
  });

  it('reads an MCP tools/list result and a map of schemas keyed by tool name', () => {
    const mcp = extractText('mcp/tools.json', JSON.stringify({ tools: [{ name: 'read_file', description: 'Read a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } }] }));
    assert.deepEqual(mcp.facts.tools.map((tool) => [tool.name, tool.framework, tool.parameters[0].required]), [['read_file', 'mcp', true]]);
    const keyed = extractText('tools.yaml', 'send_email:\n  description: Send an email\n  parameters:\n    type: object\n    properties:\n      to: {type: string}\n');
    assert.deepEqual(keyed.facts.tools.map((tool) => [tool.name, tool.framework, tool.loc.line, tool.loc.column]), [['send_email', 'json-schema', 1, 1]]);
  });

  it('finds no tools in configuration that only looks similar', () => {
    const openapi = extractText('api/openapi.json', JSON.stringify({ paths: { '/x': { get: { name: 'x', description: 'd', parameters: [{ name: 'id', in: 'query' }] } } } }));
    assert.equal(openapi.facts.tools.length, 0);
    const compose = extractText('docker-compose.yml', 'services:\n  web:\n    image: nginx\n    environment:\n      - NAME=web\n');
    assert.equal(compose.facts.tools.length, 0);
    assert.equal(compose.facts.prompts.length, 0);
  });

  it('accepts data files precisely', () => {
    for (const path of ['tools.json', 'agents/tools.yaml', 'prompts/system.txt', 'app/prompts/answer.md', 'x.prompty', 'a/b.prompt', 'gh.prompt.yml', '.env', '.env.production', 'templates/summary_prompt.j2', 'prompt_templates/answer.jinja2']) {
      assert.ok(frontEnd.accepts(path), path);
    }
    for (const path of ['package.json', 'web/package-lock.json', 'tsconfig.base.json', '.github/workflows/ci.yml', 'pnpm-lock.yaml', 'docs/readme.md', 'notes.txt', 'templates/page.j2', 'prompts/README.md', '.eslintrc.json', 'main.py']) {
      assert.ok(!frontEnd.accepts(path), path);
    }
  });

  it('skips JSON above 2 MB with a reason, and deep nesting without crashing', () => {
    const large = extractText('data/big.json', `[${'"x",'.repeat(600_000)}"x"]`);
    assert.match(large.skipped ?? '', /too large/);
    assert.equal(large.facts.tools.length, 0);
    const deep = extractText('deep.json', '['.repeat(5000) + ']'.repeat(5000));
    assert.equal(deep.facts.tools.length, 0);
    const deeper = extractText('deeper.json', '['.repeat(200_000) + ']'.repeat(200_000));
    assert.equal(deeper.facts.tools.length, 0);
    const deepYaml = extractText('deep.yaml', '['.repeat(5000) + ']'.repeat(5000));
    assert.equal(deepYaml.facts.tools.length, 0);
  });

  it('still finds tools next to a syntax error', () => {
    const { facts, syntaxErrors } = extractText('tools.json', '[{"name": "ping", "description": "Ping", "input_schema": {"type": "object"}}, {"name": ');
    assert.ok(syntaxErrors > 0);
    assert.deepEqual(facts.tools.map((tool) => tool.name), ['ping']);
  });
});

describe('data front-end: prompt files', () => {
  it('reads a .prompty file: deployment model and one prompt per role section', () => {
    const { facts } = extractFixture('chat.prompty', 'prompts/chat.prompty');
    assert.deepEqual(facts.models.map((model) => [model.id, model.provider, model.context, model.loc.line, model.loc.column, model.loc.endColumn]), [
      ['gpt-4o-mini', 'openai', 'prompt-file', 7, 23, 34],
    ]);
    assert.deepEqual(facts.prompts.map((prompt) => [prompt.role, prompt.loc.line, prompt.loc.column, prompt.loc.endLine]), [['system', 9, 1, 11], ['user', 13, 1, 14]]);
    const [system, user] = facts.prompts;
    assert.equal(system.text, 'You are a support agent for {{company}}.\nAnswer in {{ language }}.');
    assert.deepEqual(system.variables, ['company', 'language']);
    assert.equal(system.source, 'file');
    assert.equal(system.model, 'gpt-4o-mini');
    assert.deepEqual(user.variables, ['question']);
  });

  it('reads a Dotprompt file with role markers and a provider-prefixed model', () => {
    const text = '---\nmodel: googleai/gemini-1.5-flash\ninput:\n  schema:\n    topic: string\n---\n{{role "system"}}\nYou write haiku.\n{{role "user"}}\nA haiku about {{topic}}.\n';
    const { facts } = extractText('haiku.prompt', text);
    assert.deepEqual(facts.models.map((model) => [model.id, model.provider, model.loc.line]), [['gemini-1.5-flash', 'google', 2]]);
    assert.deepEqual(facts.prompts.map((prompt) => [prompt.role, prompt.text, prompt.loc.line]), [['system', 'You write haiku.', 7], ['user', 'A haiku about {{topic}}.', 9]]);
  });

  it('reads a Markdown prompt in a prompt folder, role from the file name, trimmed range', () => {
    const { facts } = extractFixture('prompts/system_prompt.md', 'app/prompts/system_prompt.md');
    assert.equal(facts.prompts.length, 1);
    const [prompt] = facts.prompts;
    assert.equal(prompt.role, 'system');
    assert.equal(prompt.name, 'system_prompt.md');
    assert.deepEqual([prompt.loc.line, prompt.loc.column, prompt.loc.endLine, prompt.loc.endColumn], [2, 1, 2, 58]);
    assert.deepEqual(prompt.variables, ['tone', 'source']);
    assert.equal(extractText('prompts/notes.txt', 'Summarise {text:.200}').facts.prompts[0].role, 'unknown');
    assert.equal(extractText('prompts/summary.j2', '{% for d in docs %}{{ d | e }}{% endfor %}').facts.prompts[0].role, 'template');
    assert.equal(extractText('prompts/empty.txt', '  \n').facts.prompts.length, 0);
  });

  it('reads role maps and message lists from YAML/JSON in prompt folders only', () => {
    const yaml = 'summarise:\n  system: You summarise.\n  user: "Summarise {doc}"\n';
    assert.deepEqual(extractText('prompts/summarise.yaml', yaml).facts.prompts.map((prompt) => [prompt.role, prompt.name, prompt.loc.line, prompt.loc.column]), [
      ['system', 'system', 2, 11],
      ['user', 'user', 3, 9],
    ]);
    assert.equal(extractText('config/summarise.yaml', yaml).facts.prompts.length, 0);
    const github = 'model: openai/gpt-4o-mini\nmessages:\n  - role: system\n    content: You are terse.\n  - role: user\n    content: "{{input}}"\n';
    const { facts } = extractText('eval/classify.prompt.yml', github);
    assert.deepEqual(facts.prompts.map((prompt) => [prompt.role, prompt.text, prompt.model]), [['system', 'You are terse.', 'gpt-4o-mini'], ['user', '{{input}}', 'gpt-4o-mini']]);
    assert.deepEqual(facts.models.map((model) => [model.id, model.provider]), [['gpt-4o-mini', 'openai']]);
  });
});

describe('data front-end: .env tracing switches', () => {
  it('reads catalogued switches with their positions and no other value', () => {
    const { facts } = extractFixture('.env.local');
    assert.deepEqual(facts.tracing.map((setup) => [setup.library, setup.scope, setup.signal, setup.loc.line, setup.loc.column, setup.loc.endColumn]), [
      ['langsmith', 'env', 'LANGSMITH_TRACING=true', 2, 8, 32],
      ['openai-agents', 'disabled', 'OPENAI_AGENTS_DISABLE_TRACING=1', 4, 1, 32],
    ]);
    assert.ok(!JSON.stringify(facts).includes('placeholder'));
    assert.equal(facts.prompts.length + facts.tools.length + facts.models.length, 0);
  });
});
