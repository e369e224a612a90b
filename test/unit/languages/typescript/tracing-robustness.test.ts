import { strict as assert } from 'node:assert';
import { createTypeScriptFrontEnd } from '../../../../src/languages/typescript';
import { at, extractTs, factsOf } from './helpers';

const lines = (...rows: string[]): string => rows.join('\n');

describe('typescript front-end: tracing and artifacts', () => {
  it('covers calls inside a traceable arrow and a span callback, not outside', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'import { traceable } from "langsmith/traceable";',
      'import { trace } from "@opentelemetry/api";',
      'const client = new OpenAI();',
      'const tracer = trace.getTracer("app");',
      'export const pipeline = traceable(async (q: string) => client.chat.completions.create({ model: "gpt-4o", messages: [] }));',
      'export async function spanned() {',
      '  return tracer.startActiveSpan("llm", async (span) => client.chat.completions.create({ model: "gpt-4o", messages: [] }));',
      '}',
      'export const bare = () => client.chat.completions.create({ model: "gpt-4o", messages: [] });',
    ));
    const [traced, inSpan, bare] = facts.llmCalls;
    assert.equal(at(traced.loc), '6:56');
    assert.deepEqual(traced.tracedBy, { library: 'langsmith', scope: 'function', signal: 'traceable' });
    assert.equal(traced.enclosingFunction, 'pipeline');
    assert.equal(inSpan.tracedBy?.scope, 'block');
    assert.equal(inSpan.tracedBy?.library, 'opentelemetry');
    assert.equal(inSpan.enclosingFunction, 'spanned');
    assert.equal(bare.tracedBy, null);
    assert.deepEqual(facts.tracing.map((t) => [t.library, t.scope, t.target, at(t.loc)]), [
      ['langsmith', 'function', 'pipeline', '6:25'],
      ['opentelemetry', 'function', 'spanned', '8:10'],
    ]);
  });

  it('reports global set-ups: weave, traceloop, OpenInference instrumentors', () => {
    const facts = factsOf(lines(
      'import * as weave from "weave";',
      'import * as traceloop from "@traceloop/node-server-sdk";',
      'import { OpenAIInstrumentor } from "@arizeai/openinference-instrumentation-openai";',
      'await weave.init("proj");',
      'traceloop.initialize({ appName: "x" });',
      'new OpenAIInstrumentor();',
    ));
    assert.deepEqual(facts.tracing.map((t) => [t.library, t.scope, t.covers, at(t.loc)]), [
      ['weave', 'global', ['*'], '4:7'],
      ['traceloop', 'global', ['*'], '5:1'],
      ['openinference', 'global', ['openai'], '6:5'],
    ]);
  });

  it('marks wrapped clients and AI SDK telemetry', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'import { observeOpenAI } from "langfuse";',
      'import { generateText } from "ai";',
      'const client = observeOpenAI(new OpenAI());',
      'client.chat.completions.create({ model: "gpt-4o", messages: [] });',
      'async function telemetry() {',
      '  await generateText({ model, prompt: "x", experimental_telemetry: { isEnabled: true } });',
      '}',
    ));
    assert.deepEqual(facts.llmCalls[0].tracedBy, { library: 'langfuse', scope: 'client', signal: 'observeOpenAI' });
    assert.equal(at(facts.llmCalls[0].loc), '5:1');
    assert.equal(facts.llmCalls[1].tracedBy?.library, 'vercel-ai-telemetry');
    assert.deepEqual(facts.tracing.map((t) => [t.library, t.scope, t.target]), [['langfuse', 'client', 'client'], ['vercel-ai-telemetry', 'function', 'telemetry']]);
  });

  it('reads hub artifacts and their revisions', () => {
    const facts = factsOf(lines(
      'import { pipeline } from "@huggingface/transformers";',
      'import { pull } from "langchain/hub";',
      'const classify = await pipeline("sentiment-analysis", "Xenova/distilbert-base-uncased", { revision: "a1b2c3" });',
      'const prompt = await pull("rlm/rag-prompt");',
    ));
    assert.deepEqual(facts.artifacts.map((a) => [a.type, a.name, a.revision, at(a.loc)]), [
      ['hf-model', 'Xenova/distilbert-base-uncased', 'a1b2c3', '3:24'],
      ['prompt-hub', 'rlm/rag-prompt', null, '4:22'],
    ]);
  });
});

describe('typescript front-end: decoys', () => {
  it('finds no LLM call in retrievers, fetch, axios, comments or strings', () => {
    const facts = factsOf(lines(
      'import OpenAI from "openai";',
      'import axios from "axios";',
      '// client.chat.completions.create({ model: "gpt-4o" })',
      '/* await openai.chat.completions.create({}) */',
      'const doc = "openai.chat.completions.create(...)";',
      'const tpl = `call openai.chat.completions.create(${x})`;',
      'export async function f(retriever: Retriever) {',
      '  await retriever.invoke("q");',
      '  await fetch("https://api.openai.com/v1/chat/completions", { method: "POST" });',
      '  await axios.post("https://api.openai.com/v1/chat/completions", {});',
      '}',
    ));
    assert.equal(facts.llmCalls.length, 0);
    assert.equal(facts.models.length, 0);
  });

  it('ignores messages.create on a Twilio client and chat.completions.create from an unrelated package', () => {
    const twilio = factsOf(lines(
      'import twilio from "twilio";',
      'const client = twilio(sid, token);',
      'export const send = (c: any) => { client.messages.create({ body: "hi" }); c.messages.create({ to: "x" }); };',
    ));
    assert.equal(twilio.llmCalls.length, 0);
    const other = factsOf(lines(
      'import "openai";',
      'import { FakeClient } from "fake-llm";',
      'new FakeClient().chat.completions.create({ model: "gpt-4o" });',
    ));
    assert.equal(other.llmCalls.length, 0);
  });
});

describe('typescript front-end: bad input', () => {
  it('accepts TS and JS sources but not declaration files', () => {
    const frontEnd = createTypeScriptFrontEnd();
    assert.deepEqual(['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs', 'types.d.ts', 'x.py', 'y.json'].map((path) => frontEnd.accepts(path)),
      [true, true, true, true, true, true, true, true, false, false, false]);
  });

  it('recovers from syntax errors and still reads the valid parts', () => {
    const result = extractTs(lines(
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'export function draft() {',
      '  const half = client.',
      '}',
      'const y = ;',
      'client.chat.completions.create({ model: "gpt-4o-mini", messages: [] });',
    ));
    assert.ok(result.syntaxErrors > 0);
    assert.equal(result.facts.llmCalls.length, 1);
    assert.equal(result.facts.llmCalls[0].model?.value, 'gpt-4o-mini');
    assert.equal(at(result.facts.llmCalls[0].loc), '7:1');
  });

  it('skips a 20 MB minified bundle quickly', () => {
    const chunk = 'var a=require("openai");new a().chat.completions.create({model:"gpt-4o"});function q(n){return n+1}';
    const text = chunk.repeat(Math.ceil(20_000_000 / chunk.length));
    const started = Date.now();
    const result = extractTs(text, 'dist/bundle.min.js');
    assert.equal(result.skipped, 'minified');
    assert.ok(Date.now() - started < 2000, 'took too long');
  });

  it('skips 5,000-deep nesting with a reason instead of crashing', () => {
    const result = extractTs('const x = ' + '['.repeat(5000) + ']'.repeat(5000) + ';');
    assert.equal(result.skipped, 'nesting too deep to parse');
    assert.equal(result.facts.llmCalls.length, 0);
  });

  it('reads text with invalid UTF-8 replacement characters', () => {
    const facts = factsOf('import OpenAI from "openai";\nconst s = "\uFFFD\uFFFD";\nnew OpenAI().embeddings.create({ model: "text-embedding-3-small", input: s });');
    assert.equal(facts.llmCalls.length, 1);
    assert.equal(at(facts.llmCalls[0].loc), '3:1');
  });
});
