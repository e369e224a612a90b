import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFacts, Prompt } from '../../../../src/core/facts';
import { at, expectCall, factsOf, py, span, where } from './helpers';

function promptAt(facts: FileFacts, location: string): Prompt {
  const prompt = facts.prompts.find((candidate) => at(candidate.loc) === location);
  assert.ok(prompt, `no prompt at ${location}; found ${facts.prompts.map((p) => `${at(p.loc)} ${p.role}`).join(', ') || 'none'}`);
  return prompt;
}

describe('python front-end: prompts', () => {
  it('reads system and user messages of a chat call, with f-string holes', async () => {
    const code = py(
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask(question, user):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[',
      '        {"role": "system", "content": f"You help {user.name}. Use {{style}}."},',
      '        {"role": "user", "content": question},',
      '    ])',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: '4:12', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    const system = promptAt(facts, where(code, 'f"You'));
    assert.equal(system.role, 'system');
    assert.equal(system.text, 'You help {user.name}. Use {style}.');
    assert.deepEqual(system.interpolations, ['user.name']);
    assert.deepEqual(system.variables, ['style']);
    assert.equal(system.model, 'gpt-4o');
    assert.equal(system.usedByCall, true);
    assert.equal(system.source, 'inline');
    assert.equal(facts.prompts.length, 1, 'a message that is only a variable is not a prompt');
  });

  it('locates a constant prompt at its literal and keeps its name', async () => {
    const code = py(
      'import anthropic',
      'SYSTEM_PROMPT = "You are a careful reviewer of {language} code."',
      'client = anthropic.Anthropic()',
      'client.messages.create(model="claude-sonnet-4-6", max_tokens=10, system=SYSTEM_PROMPT, messages=[])',
    );
    const facts = await factsOf(code);
    const prompt = promptAt(facts, '2:17');
    assert.equal(span(prompt.loc), '2:17-2:65');
    assert.deepEqual([prompt.role, prompt.source, prompt.name, prompt.usedByCall, prompt.model], ['system', 'constant', 'SYSTEM_PROMPT', true, 'claude-sonnet-4-6']);
    assert.deepEqual(prompt.variables, ['language']);
    assert.equal(facts.prompts.length, 1, 'the constant is one prompt, not two');
  });

  it('resolves concatenation, implicit concatenation, dedent and .format', async () => {
    const code = py(
      'import textwrap',
      'BASE = "You are terse. "',
      'SYSTEM_PROMPT = BASE + ("Answer in " "English.")',
      'INSTRUCTIONS = textwrap.dedent("""',
      '    Line one.',
      '    Line two {topic}.',
      '""").format(topic=user_topic)',
    );
    const facts = await factsOf(code);
    const concat = promptAt(facts, '3:17');
    assert.equal(concat.text, 'You are terse. Answer in English.');
    assert.equal(concat.assembly.style, 'concat');
    assert.equal(concat.usedByCall, false);
    const formatted = promptAt(facts, '4:16');
    assert.equal(formatted.role, 'instructions');
    assert.equal(formatted.text, '\nLine one.\nLine two {topic}.\n');
    assert.equal(formatted.assembly.style, 'format');
    assert.deepEqual(formatted.interpolations, ['user_topic']);
  });

  it('counts += appends on a prompt built in one scope', async () => {
    const code = py(
      'from openai import OpenAI',
      'def build(client: OpenAI, extra):',
      '    prompt = "You are an assistant."',
      '    prompt += " Be polite."',
      '    prompt += " Cite sources."',
      '    prompt += extra',
      '    client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": prompt}])',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: '7:5', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    const prompt = promptAt(facts, '3:14');
    assert.equal(prompt.text, 'You are an assistant. Be polite. Cite sources.{extra}');
    assert.deepEqual(prompt.assembly, { parts: 4, appends: 3, style: 'augmented' });
  });

  it('reads "\\n".join of sections and .append sequences as a list-join', async () => {
    const code = py(
      'sections = ["# Role", "You route tickets."]',
      'sections.append("# Rules")',
      'sections.append("Never guess.")',
      'SYSTEM_TEMPLATE = "\\n".join(sections)',
    );
    const facts = await factsOf(code);
    const prompt = promptAt(facts, '4:19');
    assert.equal(prompt.text, '# Role\nYou route tickets.\n# Rules\nNever guess.');
    assert.deepEqual(prompt.assembly, { parts: 4, appends: 2, style: 'list-join' });
    assert.equal(prompt.role, 'system');
    assert.equal(prompt.source, 'constant');
  });

  it('reads LangChain message tuples, message classes and templates', async () => {
    const code = py(
      'from langchain_core.prompts import ChatPromptTemplate, PromptTemplate',
      'from langchain_core.messages import SystemMessage, HumanMessage',
      'from langchain_openai import ChatOpenAI',
      'chat = ChatPromptTemplate.from_messages([("system", "You translate to {lang}."), ("human", "{text}")])',
      'plain = PromptTemplate(template="Summarise: {doc}", input_variables=["doc"])',
      'llm = ChatOpenAI(model="gpt-4o")',
      'llm.invoke([SystemMessage(content="Be exact."), HumanMessage("Hi there")])',
    );
    const facts = await factsOf(code);
    const tuple = promptAt(facts, where(code, '"You translate'));
    assert.deepEqual([tuple.role, tuple.source, tuple.variables], ['system', 'template', ['lang']]);
    const template = promptAt(facts, where(code, '"Summarise'));
    assert.deepEqual([template.role, template.source], ['template', 'template']);
    const message = promptAt(facts, where(code, '"Be exact."'));
    assert.deepEqual([message.role, message.usedByCall, message.model], ['system', true, 'gpt-4o']);
    assert.equal(promptAt(facts, where(code, '"Hi there"')).role, 'user');
  });

  it('reads Responses instructions/input and Agents SDK instructions', async () => {
    const code = py(
      'from openai import OpenAI',
      'from agents import Agent',
      'OpenAI().responses.create(model="gpt-5", instructions="Talk like a pirate.", input="Are semicolons optional?")',
      'triage = Agent(name="triage", instructions="Route the user to the right agent.")',
    );
    const facts = await factsOf(code);
    assert.equal(promptAt(facts, where(code, '"Talk like')).role, 'instructions');
    assert.equal(promptAt(facts, where(code, '"Are semicolons')).role, 'user');
    assert.equal(promptAt(facts, where(code, '"Route the user')).role, 'instructions');
  });

  it('reports named prompt constants in classes, but never docstrings or comments', async () => {
    const code = py(
      'class Reviewer:',
      '    """You are a docstring, not a prompt."""',
      '    # PROMPT = "commented out prompt text"',
      '    REVIEW_PROMPT = "Review the diff for bugs."',
      '    PROMPT_PATH = "prompts/review.txt"',
    );
    const facts = await factsOf(code);
    assert.deepEqual(facts.prompts.map((prompt) => [at(prompt.loc), prompt.name, prompt.source]), [['4:21', 'REVIEW_PROMPT', 'constant']]);
  });
});

describe('python front-end: models, tools, tracing, artifacts', () => {
  it('reports model constants that hold model ids', async () => {
    const code = py('MODEL_NAME = "gpt-4o-2024-08-06"', 'EMBEDDING_MODEL = "text-embedding-3-large"', 'MODEL_DIR = "models/checkpoint.pt"', 'MODEL_PROVIDER = "openai"');
    const facts = await factsOf(code);
    assert.deepEqual(facts.models.map((model) => [at(model.loc), model.id, model.context]), [['1:14', 'gpt-4o-2024-08-06', 'constant'], ['2:19', 'text-embedding-3-large', 'constant']]);
  });

  it('reads @tool functions with docstring and Args descriptions', async () => {
    const code = py(
      'from langchain_core.tools import tool',
      '@tool',
      'def get_weather(city: str, unit: str = "c") -> str:',
      '    """Get the current weather.',
      '',
      '    Args:',
      '        city: The city name.',
      '    """',
    );
    const [tool] = (await factsOf(code)).tools;
    assert.equal(at(tool.loc), '3:5');
    assert.deepEqual([tool.name, tool.description, tool.framework], ['get_weather', 'Get the current weather.', 'langchain']);
    assert.deepEqual(tool.parameters, [
      { name: 'city', type: 'str', description: 'The city name.', required: true },
      { name: 'unit', type: 'str', description: null, required: false },
    ]);
  });

  it('reads @tool("name"), @function_tool, @mcp.tool() and pydantic-ai @agent.tool', async () => {
    const code = py(
      'from typing import Annotated',
      'from pydantic import Field',
      'from langchain.tools import tool',
      'from agents import function_tool',
      'from mcp.server.fastmcp import FastMCP',
      'from pydantic_ai import Agent, RunContext',
      'mcp = FastMCP("files")',
      'agent = Agent("openai:gpt-4o")',
      '@tool("web_search")',
      'def search(q: str): ...',
      '@function_tool',
      'def refund(order_id: Annotated[int, Field(description="The order")]):',
      '    """Refund an order."""',
      '@mcp.tool()',
      'def read_file(path: str):',
      '    """Read a file."""',
      '@agent.tool',
      'def roll(ctx: RunContext[int], sides: int): ...',
    );
    const tools = (await factsOf(code)).tools;
    assert.deepEqual(tools.map((tool) => [at(tool.loc), tool.name, tool.framework]), [
      [where(code, '"web_search"'), 'web_search', 'langchain'],
      ['12:5', 'refund', 'openai-agents'],
      ['15:5', 'read_file', 'mcp'],
      ['18:5', 'roll', 'pydantic-ai'],
    ]);
    assert.deepEqual(tools[1].parameters, [{ name: 'order_id', type: 'int', description: 'The order', required: true }]);
    assert.deepEqual(tools[3].parameters.map((parameter) => parameter.name), ['sides']);
  });

  it('reads StructuredTool.from_function and BaseTool subclasses with args_schema', async () => {
    const code = py(
      'from langchain_core.tools import StructuredTool, BaseTool',
      'from pydantic import BaseModel, Field',
      'class SearchInput(BaseModel):',
      '    query: str = Field(description="What to look for")',
      'def lookup(term: str):',
      '    """Look a term up."""',
      'lookup_tool = StructuredTool.from_function(func=lookup, name="lookup", args_schema=SearchInput)',
      'class Search(BaseTool):',
      '    name: str = "search"',
      '    description: str = "Search the index"',
      '    args_schema = SearchInput',
    );
    const tools = (await factsOf(code)).tools;
    assert.deepEqual(tools.map((tool) => [at(tool.loc), tool.name, tool.description]), [
      [where(code, '"lookup"'), 'lookup', 'Look a term up.'],
      [where(code, '"search"'), 'search', 'Search the index'],
    ]);
    assert.deepEqual(tools[1].parameters, [{ name: 'query', type: 'str', description: 'What to look for', required: true }]);
  });

  it('reads LangChain Tool(...) and LlamaIndex FunctionTool.from_defaults', async () => {
    const code = py(
      'from langchain.tools import Tool',
      'from llama_index.core.tools import FunctionTool',
      'def multiply(a: int, b: int) -> int:',
      '    """Multiply two integers."""',
      'calc = Tool(name="calculator", description="Does arithmetic", func=multiply)',
      'mult = FunctionTool.from_defaults(fn=multiply)',
    );
    const tools = (await factsOf(code)).tools;
    assert.deepEqual(tools.map((tool) => [at(tool.loc), tool.name, tool.description, tool.framework]), [
      [where(code, '"calculator"'), 'calculator', 'Does arithmetic', 'langchain'],
      ['3:5', 'multiply', 'Multiply two integers.', 'llamaindex'],
    ]);
    assert.deepEqual(tools[1].parameters.map((parameter) => [parameter.name, parameter.type]), [['a', 'int'], ['b', 'int']]);
  });

  it('reads OpenAI nested and Responses flat tool dicts with JSON-schema parameters', async () => {
    const code = py(
      'tools = [',
      '    {"type": "function", "function": {"name": "get_time", "description": "Current time", "parameters": {',
      '        "type": "object", "properties": {"tz": {"type": "string", "description": "IANA zone"}}, "required": ["tz"]}}},',
      '    {"type": "function", "name": "get_date", "parameters": {"type": "object", "properties": {}}},',
      ']',
    );
    const tools = (await factsOf(code)).tools;
    assert.deepEqual(tools.map((tool) => [at(tool.loc), tool.name, tool.framework]), [
      [where(code, '"get_time"'), 'get_time', 'openai'],
      [where(code, '"get_date"'), 'get_date', 'openai'],
    ]);
    assert.deepEqual(tools[0].parameters, [{ name: 'tz', type: 'string', description: 'IANA zone', required: true }]);
    assert.equal(tools[1].description, null);
  });

  it('reports global tracing set-ups with what they cover', async () => {
    const code = py(
      'import mlflow',
      'import weave',
      'import logfire',
      'from opentelemetry.instrumentation.openai_v2 import OpenAIInstrumentor',
      'from traceloop.sdk import Traceloop',
      'from agents import set_tracing_disabled',
      'mlflow.anthropic.autolog()',
      'OpenAIInstrumentor().instrument()',
      'weave.init("proj")',
      'Traceloop.init(app_name="x")',
      'logfire.instrument_openai()',
      'set_tracing_disabled(True)',
    );
    const tracing = (await factsOf(code)).tracing;
    assert.deepEqual(tracing.map((setup) => [at(setup.loc), setup.library, setup.scope, setup.covers.join()]), [
      ['7:1', 'mlflow', 'global', 'anthropic'],
      ['8:1', 'opentelemetry', 'global', 'openai'],
      ['9:1', 'weave', 'global', '*'],
      ['10:1', 'traceloop', 'global', '*'],
      ['11:1', 'logfire', 'global', '*'],
      ['12:1', 'openai-agents', 'disabled', 'openai-agents'],
    ]);
  });

  it('reports decorators, spans, client wrappers and import swaps as tracing', async () => {
    const code = py(
      'import mlflow',
      'import weave',
      'from langsmith import traceable',
      'from langsmith.wrappers import wrap_openai',
      'from langfuse.openai import openai',
      'client = wrap_openai(openai.OpenAI())',
      'class Pipeline:',
      '    @traceable(name="run")',
      '    def run(self): ...',
      '@weave.op',
      'def score(): ...',
      'def work():',
      '    with mlflow.start_span("s"):',
      '        pass',
    );
    const tracing = (await factsOf(code)).tracing;
    const summary = tracing.map((setup) => [at(setup.loc), setup.library, setup.scope, setup.target]);
    assert.deepEqual(summary, [
      ['6:10', 'langsmith', 'client', 'client'],
      ['9:9', 'langsmith', 'function', 'Pipeline.run'],
      ['11:5', 'weave', 'function', 'score'],
      ['13:10', 'mlflow', 'function', 'work'],
      ['5:1', 'langfuse', 'client', 'openai'],
    ]);
  });

  it('reports hub artifacts with their revision', async () => {
    const code = py(
      'from transformers import AutoModelForCausalLM, pipeline',
      'from sentence_transformers import SentenceTransformer',
      'from datasets import load_dataset',
      'from huggingface_hub import hf_hub_download',
      'from langchain import hub',
      'import mlflow',
      'AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", revision="a1b2c3")',
      'pipeline("text-generation", model="gpt2")',
      'SentenceTransformer("all-MiniLM-L6-v2")',
      'load_dataset("squad")',
      'hf_hub_download(repo_id="org/model", filename="w.bin")',
      'mlflow.pyfunc.load_model("models:/churn/latest")',
      'hub.pull("rlm/rag-prompt")',
    );
    const artifacts = (await factsOf(code)).artifacts;
    assert.deepEqual(artifacts.map((artifact) => [at(artifact.loc), artifact.type, artifact.name, artifact.revision]), [
      ['7:38', 'hf-model', 'meta-llama/Llama-3.1-8B', 'a1b2c3'],
      ['8:35', 'hf-model', 'gpt2', null],
      ['9:21', 'sentence-transformer', 'all-MiniLM-L6-v2', null],
      ['10:14', 'hf-dataset', 'squad', null],
      ['11:25', 'hf-file', 'org/model', null],
      ['12:26', 'mlflow-model', 'models:/churn/latest', null],
      ['13:10', 'prompt-hub', 'rlm/rag-prompt', null],
    ]);
  });

  it('extracts a whole fixture application', async () => {
    const path = join(__dirname, '../../../../../test/fixtures/frontends/python/support_bot.py');
    const facts = await factsOf(readFileSync(path, 'utf8'), 'support_bot.py');
    const call = expectCall(facts, { at: '27:22', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o-mini' });
    assert.equal(call.enclosingFunction, 'SupportBot.answer');
    assert.equal(call.tools?.count, 1);
    assert.equal(call.tracedBy?.signal, '@observe()');
    assert.deepEqual(facts.tools.map((tool) => tool.name), ['lookup_order']);
    assert.deepEqual(facts.prompts.map((prompt) => [prompt.name, prompt.role, prompt.usedByCall]), [['SYSTEM_PROMPT', 'system', true]]);
    assert.deepEqual(facts.models.map((model) => [at(model.loc), model.id]), [['8:9', 'gpt-4o-mini']]);
  });
});
