import { strict as assert } from 'node:assert';
import type { LlmCall, ToolDef } from '../../../../src/core/facts';
import { at, factsOf } from './helpers';

// Patterns met in public LLM applications (see docs/real-world.md, TypeScript / JavaScript),
// each rewritten here as a small example of our own.

const lines = (...rows: string[]): string => rows.join('\n');

function onlyCall(calls: LlmCall[]): LlmCall {
  assert.equal(calls.length, 1, `expected one LLM call, got ${calls.length}`);
  return calls[0];
}

function toolNamed(tools: ToolDef[], name: string): ToolDef {
  const tool = tools.find((candidate) => candidate.name === name);
  assert.ok(tool, `no tool named ${name} among ${tools.map((candidate) => candidate.name).join(', ')}`);
  return tool;
}

describe('typescript front-end: real-world patterns', () => {
  it('ai-sdk-tool-factory: names a tool returned by an arrow or function factory, and reports streamText as streamText', () => {
    const facts = factsOf(lines(
      'import { streamText, tool } from "ai";',
      'import { z } from "zod";',
      'export const draftReply = ({ store }: { store: unknown }) =>',
      '  tool({',
      '    description: "Draft a reply to a customer ticket",',
      '    inputSchema: z.object({ ticketId: z.string().describe("Ticket id") }),',
      '    execute: async ({ ticketId }) => {',
      '      const { textStream } = streamText({ model: "openai/gpt-4o-mini", prompt: ticketId });',
      '      return textStream;',
      '    },',
      '  });',
      'export function lookupOrder(store: unknown) {',
      '  return tool({ description: "Look up an order by number", inputSchema: z.object({ orderNumber: z.string() }) });',
      '}',
    ));
    const draft = toolNamed(facts.tools, 'draftReply');
    assert.equal(draft.kind, 'tool');
    assert.equal(at(draft.loc), '3:14');
    assert.equal(draft.framework, 'vercel-ai');
    assert.deepEqual(draft.parameters.map((parameter) => parameter.name), ['ticketId']);
    const lookup = toolNamed(facts.tools, 'lookupOrder');
    assert.equal(at(lookup.loc), '12:17');
    assert.equal(lookup.framework, 'vercel-ai');
    const call = onlyCall(facts.llmCalls);
    assert.equal(call.kind, 'llmCall');
    assert.equal(at(call.loc), '8:30');
    assert.equal(call.provider, 'vercel-ai');
    assert.equal(call.api, 'streamText');
    assert.equal(call.model?.value, 'openai/gpt-4o-mini');
  });

  it('ai-sdk-stream-object: reports streamObject under its own api name', () => {
    const facts = factsOf(lines(
      'import { streamObject } from "ai";',
      'import { z } from "zod";',
      'export function sketch(model: any, title: string) {',
      '  return streamObject({ model, system: "Write a CSV sheet.", prompt: title, schema: z.object({ csv: z.string() }) });',
      '}',
    ));
    const call = onlyCall(facts.llmCalls);
    assert.equal(call.kind, 'llmCall');
    assert.equal(at(call.loc), '4:10');
    assert.equal(call.provider, 'vercel-ai');
    assert.equal(call.api, 'streamObject');
    assert.equal(call.model?.value, null);
    assert.equal(call.model?.via, 'parameter');
  });

  it('mcp-shape-schema: reads the parameters of `inputSchema: Schema.shape`, not the keys of the config object', () => {
    const facts = factsOf(lines(
      'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
      'import { z } from "zod";',
      'const server = new McpServer({ name: "notes", version: "1.0.0" });',
      'const ReadNoteArgs = z.object({ id: z.string(), limit: z.number().optional().describe("Max lines") });',
      'server.registerTool(',
      '  "read_note",',
      '  { title: "Read note", description: "Read one note by id", inputSchema: ReadNoteArgs.shape, annotations: { readOnlyHint: true } },',
      '  async () => ({ content: [] }),',
      ');',
    ));
    const tool = toolNamed(facts.tools, 'read_note');
    assert.equal(tool.kind, 'tool');
    assert.equal(at(tool.loc), '6:3');
    assert.equal(tool.framework, 'mcp');
    assert.equal(tool.description, 'Read one note by id');
    assert.deepEqual(tool.parameters.map((parameter) => [parameter.name, parameter.required]), [['id', true], ['limit', false]]);
    assert.equal(facts.llmCalls.length, 0);
  });

  it('mcp-task-tool: reads `server.experimental.tasks.registerToolTask(name, config, handlers)` as a tool', () => {
    const facts = factsOf(lines(
      'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";',
      'import { z } from "zod";',
      'const ReportArgs = z.object({ topic: z.string().describe("What to report on") });',
      'export const registerReportTool = (server: McpServer) => {',
      '  server.experimental.tasks.registerToolTask(',
      '    "build-report",',
      '    { description: "Builds a long report as a background task", inputSchema: ReportArgs },',
      '    { createTask: async () => ({ task: {} }) },',
      '  );',
      '};',
    ));
    const tool = toolNamed(facts.tools, 'build-report');
    assert.equal(tool.kind, 'tool');
    assert.equal(at(tool.loc), '6:5');
    assert.equal(tool.framework, 'mcp');
    assert.equal(tool.description, 'Builds a long report as a background task');
    assert.deepEqual(tool.parameters.map((parameter) => parameter.name), ['topic']);
  });

  it('reassigned-let-model: a `let` reassigned in a switch is not its initial value', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'export async function POST(kind: string) {',
      '  let deployment = "";',
      '  switch (kind) {',
      '    case "fast": deployment = process.env.FAST_DEPLOYMENT || ""; break;',
      '    default: deployment = process.env.DEFAULT_DEPLOYMENT || "";',
      '  }',
      '  const client = new OpenAI({ baseURL: "https://example.openai.azure.com/openai" });',
      '  return client.chat.completions.create({ model: deployment as any, messages: [] });',
      '}',
    ));
    const call = onlyCall(facts.llmCalls);
    assert.equal(call.kind, 'llmCall');
    assert.equal(at(call.loc), '9:10');
    assert.equal(call.provider, 'openai');
    assert.equal(call.api, 'chat.completions.create');
    assert.equal(call.model?.value, null);
    assert.equal(call.model?.expression, 'deployment');
    assert.equal(facts.models.length, 0);
  });

  it('reassigned-let-model (control): a `let` never reassigned still resolves to its literal', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'export async function POST() {',
      '  let model = "gpt-4.1-mini";',
      '  return new OpenAI().chat.completions.create({ model, messages: [] });',
      '}',
    ));
    const call = onlyCall(facts.llmCalls);
    assert.equal(call.kind, 'llmCall');
    assert.equal(at(call.loc), '4:10');
    assert.equal(call.provider, 'openai');
    assert.equal(call.api, 'chat.completions.create');
    assert.equal(call.model?.value, 'gpt-4.1-mini');
  });

  it('gemini-start-chat-model: reads the model of `getGenerativeModel({ model }).startChat().sendMessageStream()`', () => {
    const facts = factsOf(lines(
      'import { GoogleGenerativeAI } from "@google/generative-ai";',
      'export async function reply(key: string, history: any[], parts: any[]) {',
      '  const genAI = new GoogleGenerativeAI(key);',
      '  const gemini = genAI.getGenerativeModel({ model: "gemini-1.5-pro-002" });',
      '  const chat = gemini.startChat({ history });',
      '  return chat.sendMessageStream(parts);',
      '}',
    ));
    const call = onlyCall(facts.llmCalls);
    assert.equal(call.kind, 'llmCall');
    assert.equal(at(call.loc), '6:10');
    assert.equal(call.provider, 'google');
    assert.equal(call.api, 'GenerativeModel.generate_content');
    assert.equal(call.model?.value, 'gemini-1.5-pro-002');
    assert.equal(at(call.model?.loc), '4:52');
  });
});
