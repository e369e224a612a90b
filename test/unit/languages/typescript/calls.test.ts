import { strict as assert } from 'node:assert';
import { at, factsOf, span } from './helpers';

const lines = (...rows: string[]): string => rows.join('\n');

describe('typescript front-end: LLM calls', () => {
  it('resolves a default import, a module-level client and a constant model', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'const MODEL = "gpt-4o";',
      'const client = new OpenAI();',
      'export async function ask() {',
      '  return client.chat.completions.create({ model: MODEL, messages: [] });',
      '}',
    ));
    assert.equal(facts.llmCalls.length, 1);
    const call = facts.llmCalls[0];
    assert.equal(span(call.loc), '5:10-5:40');
    assert.equal(call.provider, 'openai');
    assert.equal(call.api, 'chat.completions.create');
    assert.equal(call.model?.value, 'gpt-4o');
    assert.equal(call.model?.via, 'constant');
    assert.equal(at(call.model?.loc), '2:15');
    assert.equal(call.enclosingFunction, 'ask');
    assert.equal(call.client, 'client');
    assert.equal(call.heuristic, false);
    assert.equal(facts.models[0].context, 'llm-call');
    assert.equal(span(facts.models[0].loc), '2:15-2:23');
  });

  it('resolves a renamed named import and a chained construction', () => {
    const facts = factsOf(lines(
      'import { OpenAI as C } from "openai";',
      'await new C().responses.create({ model: "o3", input: "hi" });',
    ));
    const call = facts.llmCalls[0];
    assert.equal(at(call.loc), '2:7');
    assert.equal(call.api, 'responses.create');
    assert.equal(call.model?.value, 'o3');
    assert.equal(call.client, 'new C()');
    assert.equal(call.enclosingFunction, null);
  });

  it('reads CommonJS require of the Anthropic SDK in a .cjs file', () => {
    const facts = factsOf(lines(
      'const { Anthropic } = require("@anthropic-ai/sdk");',
      'const anthropic = new Anthropic();',
      'async function main() {',
      '  await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 10, system: "Be terse.", messages: [] });',
      '}',
    ), 'bot.cjs');
    const call = facts.llmCalls[0];
    assert.equal(span(call.loc), '4:9-4:34');
    assert.equal(call.provider, 'anthropic');
    assert.equal(call.api, 'messages.create');
    assert.equal(call.model?.value, 'claude-sonnet-4-5');
    assert.equal(facts.models[0].provider, 'anthropic');
    assert.equal(at(facts.models[0].loc), '4:44');
    assert.equal(facts.prompts[0].role, 'system');
    assert.equal(facts.prompts[0].text, 'Be terse.');
  });

  it('reads a default require of openai in a .js file', () => {
    const facts = factsOf(lines(
      'const OpenAI = require("openai");',
      'const openai = new OpenAI();',
      'openai.embeddings.create({ model: "text-embedding-3-small", input: "x" });',
    ), 'embed.js');
    assert.equal(facts.llmCalls[0].api, 'embeddings.create');
    assert.equal(facts.llmCalls[0].operation, 'embedding');
    assert.equal(at(facts.llmCalls[0].loc), '3:1');
    assert.equal(facts.llmCalls[0].model?.value, 'text-embedding-3-small');
  });

  it('follows a dynamic import with a default destructuring in an .mjs file', () => {
    const facts = factsOf(lines(
      'const { default: OpenAI } = await import("openai");',
      'const c = new OpenAI();',
      'await c.chat.completions.create({ model: "gpt-4o-mini", messages: [] });',
    ), 'dyn.mjs');
    assert.equal(facts.llmCalls[0].provider, 'openai');
    assert.equal(at(facts.llmCalls[0].loc), '3:7');
    assert.equal(facts.llmCalls[0].model?.value, 'gpt-4o-mini');
  });

  it('follows class fields and constructor assignments into other methods', () => {
    const facts = factsOf(lines(
      'import Anthropic from "@anthropic-ai/sdk";',
      'import OpenAI from "openai";',
      'class Bot {',
      '  private claude = new Anthropic();',
      '  private client;',
      '  constructor() { this.client = new OpenAI({ baseURL: "https://api.example.com/v1" }); }',
      '  async reply() {',
      '    await this.client.chat.completions.create({ model: "gpt-4.1", messages: [] });',
      '    await this.claude.messages.create({ model: "claude-opus-4-6", max_tokens: 5, messages: [] });',
      '  }',
      '}',
    ));
    const [openai, anthropic] = facts.llmCalls;
    assert.equal(at(openai.loc), '8:11');
    assert.equal(openai.provider, 'openai');
    assert.equal(openai.client, 'this.client');
    assert.equal(openai.enclosingFunction, 'Bot.reply');
    assert.equal(openai.baseUrl, 'https://api.example.com/v1');
    assert.equal(openai.model?.value, 'gpt-4.1');
    assert.equal(at(anthropic.loc), '9:11');
    assert.equal(anthropic.provider, 'anthropic');
    assert.equal(anthropic.client, 'this.claude');
    assert.equal(anthropic.model?.value, 'claude-opus-4-6');
  });

  it('resolves a typed parameter and drops passthrough methods', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'export const handler = async (client: OpenAI, model: string) => {',
      '  return client.withOptions({ timeout: 5 }).chat.completions.create({ model, messages: [] });',
      '};',
    ));
    const call = facts.llmCalls[0];
    assert.equal(at(call.loc), '3:10');
    assert.equal(call.heuristic, false);
    assert.equal(call.client, 'client');
    assert.equal(call.enclosingFunction, 'handler');
    assert.equal(call.model?.value, null);
    assert.equal(call.model?.via, 'parameter');
    assert.equal(facts.models.length, 0);
  });

  it('marks an untyped receiver as heuristic when the file imports the SDK', () => {
    const facts = factsOf(lines(
      'import "openai";',
      'export function run(llm: any) {',
      '  return llm.chat.completions.create({ model: process.env.MODEL ?? "gpt-4o", messages: [] });',
      '}',
    ));
    const call = facts.llmCalls[0];
    assert.equal(call.heuristic, true);
    assert.equal(call.provider, 'openai');
    assert.equal(at(call.loc), '3:10');
    assert.equal(call.model?.value, null);
    assert.equal(call.model?.via, 'env');
    assert.equal(facts.models.length, 0);
  });

  it('reports config-object models as settings without guessing', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'import { config } from "./config";',
      'const openai = new OpenAI();',
      'openai.chat.completions.create({ model: config.llm.model, messages: [] });',
    ));
    assert.equal(facts.llmCalls[0].model?.via, 'settings');
    assert.equal(facts.llmCalls[0].model?.value, null);
    assert.equal(facts.llmCalls[0].model?.expression, 'config.llm.model');
  });

  it('covers the official clients in .tsx', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'const c = new OpenAI({ dangerouslyAllowBrowser: true });',
      'export function Chat() {',
      '  const go = async () => c.chat.completions.create({ model: "gpt-4o", messages: [] });',
      '  return <button onClick={go}>Ask</button>;',
      '}',
    ), 'Chat.tsx');
    assert.equal(facts.llmCalls.length, 1);
    assert.equal(at(facts.llmCalls[0].loc), '4:26');
    assert.equal(facts.llmCalls[0].enclosingFunction, 'go');
    assert.equal(facts.llmCalls[0].model?.value, 'gpt-4o');
  });

  it('resolves the AI SDK provider factory, tools object and module constants', () => {
    const facts = factsOf(lines(
      'import { generateText, tool } from "ai";',
      'import { openai } from "@ai-sdk/openai";',
      'import { z } from "zod";',
      'const TOOLS = { weather: tool({ description: "Get weather", inputSchema: z.object({ city: z.string() }) }), time: tool({ description: "Time", inputSchema: z.object({}) }) };',
      'export async function answer(prompt: string) {',
      '  return generateText({ model: openai("gpt-4o"), system: "You are a weather bot.", prompt, tools: TOOLS });',
      '}',
    ));
    const call = facts.llmCalls[0];
    assert.equal(span(call.loc), '6:10-6:22');
    assert.equal(call.provider, 'vercel-ai');
    assert.equal(call.api, 'generateText');
    assert.equal(call.model?.value, 'gpt-4o');
    assert.equal(call.client, null);
    assert.equal(call.tools?.count, 2);
    assert.deepEqual(call.tools?.names, ['weather', 'time']);
    assert.equal(facts.models[0].provider, 'openai');
    assert.equal(span(facts.models[0].loc), '6:39-6:47');
    assert.equal(facts.prompts.find((p) => p.role === 'system')?.text, 'You are a weather bot.');
  });

  it('reads AI SDK 5 string models and provider-method models', () => {
    const facts = factsOf(lines(
      'import { streamText, embed } from "ai";',
      'import { anthropic } from "@ai-sdk/anthropic";',
      'streamText({ model: "openai/gpt-4o", prompt: "Hi" });',
      'streamText({ model: anthropic.messages("claude-sonnet-4-5"), prompt: "Hi" });',
      'embed({ model: openaiEmbed, value: "x" });',
    ));
    assert.equal(facts.llmCalls.length, 3);
    assert.equal(facts.models[0].id, 'openai/gpt-4o');
    assert.equal(facts.models[0].provider, 'openai');
    assert.equal(at(facts.models[0].loc), '3:21');
    assert.equal(facts.models[1].provider, 'anthropic');
    assert.equal(facts.llmCalls[2].api, 'embed');
    assert.equal(facts.llmCalls[2].model?.value, null);
  });

  it('traces AI SDK calls through a gateway provider instance', () => {
    const facts = factsOf(lines(
      'import { generateText } from "ai";',
      'import { createOpenAI } from "@ai-sdk/openai";',
      'const helicone = createOpenAI({ baseURL: "https://oai.helicone.ai/v1" });',
      'await generateText({ model: helicone("gpt-4o-mini"), prompt: "Hi" });',
    ));
    const call = facts.llmCalls[0];
    assert.equal(at(call.loc), '4:7');
    assert.equal(call.model?.value, 'gpt-4o-mini');
    assert.equal(call.baseUrl, 'https://oai.helicone.ai/v1');
    assert.deepEqual(call.tracedBy, { library: 'helicone', scope: 'gateway', signal: 'https://oai.helicone.ai/v1' });
  });

  it('reports an unused LangChain construction as indirect, and only the invoke when it is invoked', () => {
    const unused = factsOf(lines(
      'import { ChatOpenAI } from "@langchain/openai";',
      'export const llm = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 });',
    ));
    assert.equal(unused.llmCalls.length, 1);
    assert.equal(unused.llmCalls[0].indirect, true);
    assert.equal(unused.llmCalls[0].provider, 'langchain');
    assert.equal(span(unused.llmCalls[0].loc), '2:24-2:34');
    assert.equal(unused.llmCalls[0].model?.value, 'gpt-4o-mini');
    assert.equal(unused.models[0].provider, 'openai');

    const invoked = factsOf(lines(
      'import { ChatAnthropic } from "@langchain/anthropic";',
      'const llm = new ChatAnthropic({ model: "claude-3-5-sonnet-latest" });',
      'const withTools = llm.bindTools([searchTool, mathTool]);',
      'await withTools.invoke("hello");',
    ));
    assert.equal(invoked.llmCalls.length, 1);
    const call = invoked.llmCalls[0];
    assert.equal(at(call.loc), '4:7');
    assert.equal(call.api, 'ChatOpenAI.invoke'.replace('ChatOpenAI', 'ChatAnthropic'));
    assert.equal(call.indirect, false);
    assert.equal(call.model?.value, 'claude-3-5-sonnet-latest');
    assert.equal(call.tools?.count, 2);
    assert.deepEqual(call.tools?.names, ['searchTool', 'mathTool']);
    assert.equal(invoked.models[0].provider, 'anthropic');
  });

  it('reads the model of an Agents SDK run from the agent construction', () => {
    const facts = factsOf(lines(
      'import { Agent, run, tool } from "@openai/agents";',
      'const agent = new Agent({ name: "Helper", instructions: "You help.", model: "gpt-5", tools: [lookup] });',
      'const result = await run(agent, "What time is it?");',
    ));
    assert.equal(facts.llmCalls.length, 1);
    const call = facts.llmCalls[0];
    assert.equal(call.provider, 'openai-agents');
    assert.equal(call.api, 'Runner.run');
    assert.equal(call.indirect, true);
    assert.equal(at(call.loc), '3:22');
    assert.equal(call.model?.value, 'gpt-5');
    assert.equal(call.tools?.count, 1);
    assert.equal(facts.prompts[0].role, 'instructions');
    assert.equal(facts.prompts[0].text, 'You help.');
  });

  it('reads LangGraph prebuilt agents and compiled state graphs', () => {
    const facts = factsOf(lines(
      'import { ChatOpenAI } from "@langchain/openai";',
      'import { createReactAgent } from "@langchain/langgraph/prebuilt";',
      'import { StateGraph, MessagesAnnotation } from "@langchain/langgraph";',
      'const llm = new ChatOpenAI({ model: "gpt-4o" });',
      'const agent = createReactAgent({ llm, tools: [a, b, c] });',
      'await agent.invoke({ messages: [] });',
      'const workflow = new StateGraph(MessagesAnnotation);',
      'const app = workflow.compile();',
      'await app.invoke({ messages: [] });',
    ));
    assert.equal(facts.llmCalls.length, 2);
    const [prebuilt, graph] = facts.llmCalls;
    assert.equal(prebuilt.provider, 'langgraph');
    assert.equal(at(prebuilt.loc), '6:7');
    assert.equal(prebuilt.model?.value, 'gpt-4o');
    assert.equal(prebuilt.tools?.count, 3);
    assert.equal(graph.api, 'graph.invoke');
    assert.equal(at(graph.loc), '9:7');
    assert.equal(graph.model, null);
  });

  it('reads AI SDK agents', () => {
    const facts = factsOf(lines(
      'import { ToolLoopAgent } from "ai";',
      'import { google } from "@ai-sdk/google";',
      'const agent = new ToolLoopAgent({ model: google("gemini-2.5-flash"), instructions: "Plan trips.", tools: {} });',
      'await agent.generate({ prompt: "Go" });',
    ));
    const call = facts.llmCalls[0];
    assert.equal(call.api, 'Agent.generate');
    assert.equal(at(call.loc), '4:7');
    assert.equal(call.model?.value, 'gemini-2.5-flash');
    assert.equal(call.tools?.count, 0);
    assert.equal(facts.models[0].provider, 'google');
  });

  it('reads Google GenAI and Mistral calls', () => {
    const facts = factsOf(lines(
      'import { GoogleGenAI } from "@google/genai";',
      'import { Mistral } from "@mistralai/mistralai";',
      'const ai = new GoogleGenAI({});',
      'const mistral = new Mistral();',
      'await ai.models.generateContent({ model: "gemini-2.5-pro", contents: "Why?" });',
      'await mistral.chat.complete({ model: "mistral-large-latest", messages: [{ role: "user", content: "Hi" }] });',
    ));
    assert.deepEqual(facts.llmCalls.map((call) => [call.provider, call.api, call.model?.value, at(call.loc)]), [
      ['google', 'models.generateContent', 'gemini-2.5-pro', '5:7'],
      ['mistral', 'chat.complete', 'mistral-large-latest', '6:7'],
    ]);
  });

  it('reports module-level model constants', () => {
    const facts = factsOf(lines(
      'export const DEFAULT_MODEL = "claude-haiku-4-5";',
      'export const MODEL_DIR = "./models";',
      'const embeddingModel = "text-embedding-3-large";',
    ));
    assert.deepEqual(facts.models.map((model) => [model.id, model.context, span(model.loc)]), [
      ['claude-haiku-4-5', 'constant', '1:30-1:48'],
      ['text-embedding-3-large', 'constant', '3:24-3:48'],
    ]);
  });

  it('resolves calls whose method name a catalog pattern ends in, members of this, and constructions; a sink only by its name', () => {
    const facts = factsOf([
      "import OpenAI from 'openai';",
      "import { exec } from 'node:child_process';",
      'class Bot {',
      '  client = new OpenAI();',
      '  complete = this.client.chat.completions.create;',
      '  async run(q: string) {',
      "    const res = await this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });",
      '    const text = res.choices[0].message.content;',
      '    exec(text);',
      '    this.log.push(text);',
      '  }',
      '}',
    ].join('\n'));
    assert.deepEqual(facts.llmCalls.map((call) => `${at(call.loc)} ${call.api}`), ['7:23 chat.completions.create']);
    assert.deepEqual(facts.sinks.map((sink) => `${at(sink.loc)} ${sink.sink}`), ['9:5 child_process.exec']);
  });

  it("recognises Portkey's OpenAI-shaped gateway client", () => {
    const facts = factsOf([
      "import Portkey from 'portkey-ai';",
      "const client = new Portkey({ apiKey: process.env.PORTKEY_API_KEY });",
      "export const answer = (q: string) => client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });",
    ].join('\n'));
    assert.deepEqual(facts.llmCalls.map((call) => `${call.provider} ${call.api} ${call.model?.value}`), ['portkey chat.completions.create gpt-4o']);
  });
});
