import { strict as assert } from 'node:assert';
import { at, factsOf, span } from './helpers';

const lines = (...rows: string[]): string => rows.join('\n');

describe('typescript front-end: prompts', () => {
  it('assembles concatenation, template holes and list joins', () => {
    const facts = factsOf(lines(
      'const BASE = "You are a support agent.";',
      'export const SYSTEM_PROMPT = BASE + " Be kind.";',
      'export const USER_TEMPLATE = `Customer ${customer.name} asks: {question}`;',
      'const INSTRUCTIONS = ["Rule one.", "Rule two.", "Rule three."].join("\\n");',
      '/** SYSTEM_NOTE: this JSDoc is never a prompt */',
    ));
    const [system, template, instructions] = facts.prompts;
    assert.equal(facts.prompts.length, 3);
    assert.equal(system.text, 'You are a support agent. Be kind.');
    assert.equal(system.assembly.style, 'concat');
    assert.equal(system.role, 'system');
    assert.equal(span(system.loc), '2:30-2:48');
    assert.equal(template.text, 'Customer ${customer.name} asks: {question}');
    assert.deepEqual(template.interpolations, ['customer.name']);
    assert.deepEqual(template.variables, ['customer.name', 'question']);
    assert.equal(template.role, 'template');
    assert.equal(instructions.assembly.style, 'list-join');
    assert.equal(instructions.assembly.parts, 3);
    assert.equal(instructions.text, 'Rule one.\nRule two.\nRule three.');
    assert.equal(instructions.role, 'instructions');
    assert.equal(at(instructions.loc), '4:22');
  });

  it('counts += and push appends', () => {
    const facts = factsOf(lines(
      'let systemPrompt = "Base.";',
      'systemPrompt += " More.";',
      'systemPrompt += " Even more.";',
      'const promptParts = ["A"];',
      'promptParts.push("B");',
      'promptParts.push("C", "D");',
    ));
    const [augmented, pushed] = facts.prompts;
    assert.equal(augmented.text, 'Base. More. Even more.');
    assert.deepEqual(augmented.assembly, { parts: 3, appends: 2, style: 'augmented' });
    assert.equal(at(augmented.loc), '1:20');
    assert.equal(pushed.assembly.appends, 2);
    assert.equal(pushed.assembly.style, 'augmented');
    assert.equal(pushed.text, 'A\nB\nC\nD');
  });

  it('dedents tagged templates and marks prompts used by a call', () => {
    const facts = factsOf(lines(
      'import dedent from "dedent";',
      'import OpenAI from "openai";',
      'const SYSTEM = dedent`',
      '    You are terse.',
      '      Answer briefly.',
      '`;',
      'const client = new OpenAI();',
      'client.responses.create({ model: "gpt-4.1", instructions: SYSTEM, input: "hello" });',
    ));
    const system = facts.prompts.find((prompt) => prompt.name === 'SYSTEM')!;
    assert.equal(system.text, 'You are terse.\n  Answer briefly.');
    assert.equal(system.usedByCall, true);
    assert.equal(system.model, 'gpt-4.1');
    assert.equal(system.source, 'constant');
    assert.equal(at(system.loc), '3:16');
    const input = facts.prompts.find((prompt) => prompt.role === 'user')!;
    assert.equal(input.text, 'hello');
    assert.equal(at(input.loc), '8:74');
  });

  it('reads LangChain templates and message classes', () => {
    const facts = factsOf(lines(
      'import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";',
      'import { SystemMessage } from "@langchain/core/messages";',
      'const chat = ChatPromptTemplate.fromMessages([["system", "You translate to {language}."], ["human", "{text}"], ["placeholder", "{history}"]]);',
      'const plain = PromptTemplate.fromTemplate("Summarise {doc}");',
      'const msg = new SystemMessage("Answer in French.");',
    ));
    assert.deepEqual(facts.prompts.map((p) => [p.role, p.source, p.text, at(p.loc)]), [
      ['system', 'template', 'You translate to {language}.', '3:58'],
      ['user', 'template', '{text}', '3:101'],
      ['template', 'template', 'Summarise {doc}', '4:43'],
      ['system', 'inline', 'Answer in French.', '5:31'],
    ]);
    assert.deepEqual(facts.prompts[0].variables, ['language']);
  });
});

describe('typescript front-end: tools', () => {
  it('names AI SDK tools from their keys and reads zod parameters', () => {
    const facts = factsOf(lines(
      'import { tool, generateText } from "ai";',
      'import { z } from "zod";',
      'generateText({ model, tools: {',
      '  getWeather: tool({ description: "Weather for a city", inputSchema: z.object({ city: z.string().describe("City name"), unit: z.enum(["c", "f"]).optional() }) }),',
      '} });',
      'export const search = tool({ description: "Search", parameters: z.object({ q: z.string() }) });',
    ));
    assert.deepEqual(facts.tools.map((t) => [t.name, t.framework, at(t.loc)]), [['getWeather', 'vercel-ai', '4:3'], ['search', 'vercel-ai', '6:14']]);
    assert.deepEqual(facts.tools[0].parameters, [
      { name: 'city', type: 'string', description: 'City name', required: true },
      { name: 'unit', type: 'enum', description: null, required: false },
    ]);
    assert.equal(facts.tools[0].description, 'Weather for a city');
  });

  it('reads MCP server tools, both forms', () => {
    const facts = factsOf(lines(
      'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
      'const server = new McpServer({ name: "demo", version: "1.0.0" });',
      'server.tool("add", "Add two numbers", { a: z.number(), b: z.number() }, async () => ({}));',
      'server.registerTool("echo", { title: "Echo", description: "Echo a message", inputSchema: { message: z.string().describe("Text") } }, async () => ({}));',
    ));
    assert.deepEqual(facts.tools.map((t) => [t.name, t.framework, t.description, t.parameters.map((p) => p.name), at(t.loc)]), [
      ['add', 'mcp', 'Add two numbers', ['a', 'b'], '3:13'],
      ['echo', 'mcp', 'Echo a message', ['message'], '4:21'],
    ]);
    assert.equal(facts.tools[1].parameters[0].description, 'Text');
  });

  it('reads LangChain JS and Agents SDK tools', () => {
    const facts = factsOf(lines(
      'import { tool, DynamicStructuredTool } from "@langchain/core/tools";',
      'import { tool as agentTool } from "@openai/agents";',
      'const a = tool(async ({ q }) => q, { name: "lookup", description: "Look up", schema: z.object({ q: z.string() }) });',
      'const b = new DynamicStructuredTool({ name: "calc", description: "Calculate", schema: z.object({ expr: z.string() }), func: async () => "" });',
      'const c = agentTool({ name: "time", description: "Current time", parameters: z.object({}), execute: async () => "" });',
    ));
    assert.deepEqual(facts.tools.map((t) => [t.name, t.framework, at(t.loc)]), [
      ['lookup', 'langchain', '3:44'], ['calc', 'langchain', '4:45'], ['time', 'openai-agents', '5:29'],
    ]);
    assert.deepEqual(facts.tools[1].parameters.map((p) => p.name), ['expr']);
  });

  it('recognises structural tool literals (OpenAI, Responses, Anthropic)', () => {
    const facts = factsOf(lines(
      'export const tools = [',
      '  { type: "function", function: { name: "get_time", description: "Time", parameters: { type: "object", properties: {} } } },',
      '  { type: "function", name: "lookup", parameters: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } },',
      '  { name: "search", description: "Search docs", input_schema: { type: "object", properties: { q: { type: "string", description: "Query" } } } },',
      '];',
    ));
    assert.deepEqual(facts.tools.map((t) => [t.name, t.framework, at(t.loc)]), [
      ['get_time', 'openai', '2:41'], ['lookup', 'openai', '3:29'], ['search', 'anthropic', '4:11'],
    ]);
    assert.deepEqual(facts.tools[1].parameters, [{ name: 'id', type: 'string', description: null, required: true }]);
    assert.equal(facts.tools[2].parameters[0].description, 'Query');
  });
});
