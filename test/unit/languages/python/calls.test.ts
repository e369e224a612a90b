import { strict as assert } from 'node:assert';
import { at, expectCall, extractPy, factsOf, pythonFrontEnd, py, span, where } from './helpers';

describe('python front-end: LLM calls and resolution', () => {
  it('accepts .py and .pyi files only', async () => {
    const frontEnd = await pythonFrontEnd();
    assert.ok(frontEnd.accepts('app/chat.py'));
    assert.ok(frontEnd.accepts('stubs/x.pyi'));
    assert.ok(!frontEnd.accepts('app/chat.ts'));
    assert.ok(!frontEnd.accepts('notebook.ipynb'));
  });

  it('resolves `from openai import OpenAI` and a module-level client', async () => {
    const code = py(
      'from openai import OpenAI',
      'client = OpenAI()',
      'resp = client.chat.completions.create(model="gpt-4o", messages=[])',
    );
    const call = expectCall(await factsOf(code), { at: where(code, 'client.chat'), provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(span(call.loc), '3:8-3:38');
    assert.equal(call.client, 'client');
    assert.equal(call.heuristic, false);
    assert.equal(call.enclosingFunction, null);
  });

  it('resolves `import openai` with the module-level API', async () => {
    const code = py('import openai', 'openai.chat.completions.create(model="gpt-4o-mini", messages=[])');
    const call = expectCall(await factsOf(code), { at: '2:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o-mini' });
    assert.equal(call.client, null);
  });

  it('resolves `import openai as oa` and a legacy ChatCompletion call', async () => {
    const code = py('import openai as oa', 'oa.ChatCompletion.create(model="gpt-3.5-turbo", messages=[])');
    expectCall(await factsOf(code), { at: '2:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-3.5-turbo' });
  });

  it('resolves an aliased class import (`from openai import OpenAI as C`)', async () => {
    const code = py('from openai import OpenAI as C', 'c = C()', 'c.responses.create(model="gpt-4.1", input="hi")');
    expectCall(await factsOf(code), { at: '3:1', provider: 'openai', api: 'responses.create', model: 'gpt-4.1' });
  });

  it('resolves function-local clients and names the enclosing function', async () => {
    const code = py(
      'from openai import OpenAI',
      'def answer(q):',
      '    local = OpenAI()',
      '    return local.embeddings.create(model="text-embedding-3-small", input=q)',
    );
    const call = expectCall(await factsOf(code), { at: '4:12', provider: 'openai', api: 'embeddings.create', model: 'text-embedding-3-small' });
    assert.equal(call.enclosingFunction, 'answer');
  });

  it('follows `self.client` assigned in another method of the class', async () => {
    const code = py(
      'from openai import AsyncOpenAI',
      'class Chat:',
      '    def __init__(self):',
      '        self.client = AsyncOpenAI()',
      '    async def ask(self, q):',
      '        return await self.client.chat.completions.create(model="gpt-4o", messages=[])',
    );
    const call = expectCall(await factsOf(code), { at: where(code, 'self.client.chat'), provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(call.enclosingFunction, 'Chat.ask');
    assert.equal(call.client, 'self.client');
    assert.equal(call.heuristic, false);
  });

  it('resolves annotated parameters to an instance of the annotated class', async () => {
    const code = py(
      'from anthropic import Anthropic',
      'def summarise(client: Anthropic, text: str):',
      '    return client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=[])',
    );
    const call = expectCall(await factsOf(code), { at: '3:12', provider: 'anthropic', api: 'messages.create', model: 'claude-sonnet-4-5' });
    assert.equal(call.heuristic, false);
  });

  it('resolves chained constructions (`OpenAI().chat.completions.create`)', async () => {
    const code = py('from openai import OpenAI', 'OpenAI().chat.completions.create(model="gpt-4o", messages=[])');
    const call = expectCall(await factsOf(code), { at: '2:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(call.client, 'OpenAI()');
  });

  it('binds `with X() as c` and `async with`', async () => {
    const code = py(
      'import anthropic',
      'async def main():',
      '    async with anthropic.AsyncAnthropic() as c:',
      '        await c.messages.create(model="claude-3-5-haiku-latest", max_tokens=10, messages=[])',
    );
    expectCall(await factsOf(code), { at: '4:15', provider: 'anthropic', api: 'messages.create', model: 'claude-3-5-haiku-latest' });
  });

  it('drops passthrough methods (`with_options`, `beta`) from the path', async () => {
    const code = py(
      'from openai import OpenAI',
      'client = OpenAI()',
      'client.with_options(timeout=5).chat.completions.create(model="gpt-4o", messages=[])',
      'client.beta.chat.completions.parse(model="gpt-4o-2024-08-06", messages=[])',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: '3:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    expectCall(facts, { at: '4:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o-2024-08-06' });
  });

  it('marks calls on unresolved receivers as heuristic when the SDK is imported', async () => {
    const code = py(
      'import anthropic',
      'def ask(client, q):',
      '    return client.messages.create(model="claude-opus-4-8", max_tokens=5, messages=[])',
    );
    const call = expectCall(await factsOf(code), { at: '3:12', provider: 'anthropic', api: 'messages.create', model: 'claude-opus-4-8' });
    assert.equal(call.heuristic, true);
  });

  it('reads the model from a module-level constant, pointing at its literal', async () => {
    const code = py(
      'from openai import OpenAI',
      'MODEL = "gpt-4o"',
      'client = OpenAI()',
      'client.chat.completions.create(model=MODEL, messages=[])',
    );
    const call = expectCall(await factsOf(code), { at: '4:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(call.model?.via, 'constant');
    assert.equal(call.model?.expression, 'MODEL');
    assert.equal(at(call.model?.loc), '2:9');
  });

  it('reads class-level constants and `self.model` set in __init__', async () => {
    const code = py(
      'from openai import OpenAI',
      'class Bot:',
      '    DEFAULT = "gpt-4o-mini"',
      '    def __init__(self):',
      '        self.client = OpenAI()',
      '        self.model = "o3-mini"',
      '    def a(self):',
      '        return self.client.chat.completions.create(model=self.model, messages=[])',
      '    def b(self):',
      '        return self.client.chat.completions.create(model=Bot.DEFAULT, messages=[])',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: '8:16', provider: 'openai', api: 'chat.completions.create', model: 'o3-mini' });
    expectCall(facts, { at: '10:16', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o-mini' });
  });

  it('does not guess models from the environment, settings or parameters', async () => {
    const code = py(
      'import os',
      'from openai import OpenAI',
      'from .config import settings',
      'client = OpenAI()',
      'def go(model_name):',
      '    client.chat.completions.create(model=os.environ["MODEL"], messages=[])',
      '    client.chat.completions.create(model=os.getenv("MODEL", "gpt-4o"), messages=[])',
      '    client.chat.completions.create(model=settings.llm_model, messages=[])',
      '    client.chat.completions.create(model=model_name, messages=[])',
    );
    const facts = await factsOf(code);
    const vias = [6, 7, 8, 9].map((line) => expectCall(facts, { at: `${line}:5`, provider: 'openai', api: 'chat.completions.create', model: null }).model);
    assert.deepEqual(vias.map((model) => model?.via), ['env', 'env', 'settings', 'parameter']);
    assert.equal(vias[1]?.expression, 'os.getenv("MODEL", "gpt-4o")');
    assert.equal(facts.models.length, 0);
  });

  it('records a static base_url and a tracing gateway', async () => {
    const code = py(
      'from openai import OpenAI',
      'client = OpenAI(base_url="https://oai.helicone.ai/v1")',
      'client.chat.completions.create(model="gpt-4o", messages=[])',
    );
    const call = expectCall(await factsOf(code), { at: '3:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(call.baseUrl, 'https://oai.helicone.ai/v1');
    assert.deepEqual(call.tracedBy, { library: 'helicone', scope: 'gateway', signal: 'https://oai.helicone.ai/v1' });
  });

  it('resolves `from google import genai` clients', async () => {
    const code = py('from google import genai', 'client = genai.Client()', 'client.models.generate_content(model="gemini-2.5-flash", contents="Hi")');
    expectCall(await factsOf(code), { at: '3:1', provider: 'google', api: 'models.generate_content', model: 'gemini-2.5-flash' });
  });

  it('reads the legacy google.generativeai model from its construction', async () => {
    const code = py(
      'import google.generativeai as genai',
      'model = genai.GenerativeModel("gemini-1.5-pro")',
      'model.generate_content("Write a poem")',
    );
    const call = expectCall(await factsOf(code), { at: '3:1', provider: 'google', api: 'GenerativeModel.generate_content', model: 'gemini-1.5-pro' });
    assert.equal(at(call.model?.loc), where(code, '"gemini-1.5-pro"'));
  });

  it('resolves Mistral, Cohere and Ollama clients', async () => {
    const code = py(
      'from mistralai import Mistral',
      'import cohere',
      'import ollama',
      'Mistral(api_key="k").chat.complete(model="mistral-large-latest", messages=[])',
      'co = cohere.ClientV2()',
      'co.chat(model="command-r-plus", messages=[])',
      'ollama.chat(model="llama3", messages=[])',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: '4:1', provider: 'mistral', api: 'chat.complete', model: 'mistral-large-latest' });
    expectCall(facts, { at: '6:1', provider: 'cohere', api: 'chat', model: 'command-r-plus' });
    expectCall(facts, { at: '7:1', provider: 'ollama', api: 'chat', model: 'llama3' });
  });

  it('reads litellm provider prefixes for the model provider', async () => {
    const code = py('import litellm', 'litellm.completion(model="anthropic/claude-3-5-sonnet-20241022", messages=[])');
    const facts = await factsOf(code);
    expectCall(facts, { at: '2:1', provider: 'litellm', api: 'completion', model: 'anthropic/claude-3-5-sonnet-20241022' });
    assert.equal(facts.models[0].provider, 'anthropic');
  });

  it('resolves Bedrock converse on a boto3 client', async () => {
    const code = py('import boto3', 'brt = boto3.client("bedrock-runtime")', 'brt.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[])');
    expectCall(await factsOf(code), { at: '3:1', provider: 'bedrock', api: 'converse', model: 'anthropic.claude-3-haiku-20240307-v1:0' });
  });

  it('reads LangChain models from the construction behind `llm.invoke`', async () => {
    const code = py(
      'from langchain_openai import ChatOpenAI',
      'llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)',
      'llm.invoke("Hello")',
    );
    const facts = await factsOf(code);
    const call = expectCall(facts, { at: '3:1', provider: 'langchain', api: 'ChatOpenAI.invoke', model: 'gpt-4o-mini' });
    assert.equal(call.indirect, false);
    assert.equal(facts.llmCalls.length, 1, 'the construction is used by the invoke, so it is not reported');
    assert.equal(facts.models[0].provider, 'openai');
  });

  it('reports a LangChain construction handed to a chain as an indirect call', async () => {
    const code = py(
      'from langchain_anthropic import ChatAnthropic',
      'from langchain_core.prompts import ChatPromptTemplate',
      'prompt = ChatPromptTemplate.from_template("Tell me about {topic}")',
      'chain = prompt | ChatAnthropic(model="claude-3-5-sonnet-latest")',
      'chain.invoke({"topic": "bears"})',
    );
    const call = expectCall(await factsOf(code), { at: where(code, 'ChatAnthropic('), provider: 'langchain', api: 'ChatAnthropic', model: 'claude-3-5-sonnet-latest' });
    assert.equal(call.indirect, true);
  });

  it('reads init_chat_model ids with provider prefixes', async () => {
    const code = py('from langchain.chat_models import init_chat_model', 'm = init_chat_model("openai:gpt-4.1")', 'm.invoke("hi")');
    const facts = await factsOf(code);
    expectCall(facts, { at: '3:1', provider: 'langchain', api: 'init_chat_model.invoke', model: 'openai:gpt-4.1' });
    assert.equal(facts.models[0].provider, 'openai');
  });

  it('counts tools bound with bind_tools on a LangChain model', async () => {
    const code = py(
      'from langchain_openai import ChatOpenAI',
      'def search(q): ...',
      'def fetch(u): ...',
      'llm = ChatOpenAI(model="gpt-4o")',
      'llm.bind_tools([search, fetch]).invoke("find it")',
    );
    const call = expectCall(await factsOf(code), { at: '5:1', provider: 'langchain', api: 'ChatOpenAI.invoke', model: 'gpt-4o' });
    assert.deepEqual(call.tools && { count: call.tools.count, names: call.tools.names }, { count: 2, names: ['search', 'fetch'] });
  });

  it('reads the Agents SDK model from the Agent bound to `Runner.run`', async () => {
    const code = py(
      'from agents import Agent, Runner',
      'agent = Agent(name="a", instructions="Help.", model="gpt-4.1", tools=[])',
      'async def main():',
      '    await Runner.run(agent, "hi")',
    );
    const facts = await factsOf(code);
    const call = expectCall(facts, { at: '4:11', provider: 'openai-agents', api: 'Runner.run', model: 'gpt-4.1' });
    assert.equal(call.indirect, true);
    assert.equal(call.tools?.count, 0);
    assert.equal(facts.llmCalls.length, 1, 'the Agent construction is used by Runner.run');
  });

  it('reports CrewAI kickoff on a bound crew and on a chained construction', async () => {
    const code = py(
      'from crewai import Crew',
      'crew = Crew(agents=[], tasks=[])',
      'crew.kickoff()',
      'Crew(agents=[], tasks=[]).kickoff(inputs={})',
    );
    const facts = await factsOf(code);
    assert.equal(expectCall(facts, { at: '3:1', provider: 'crewai', api: 'Crew.kickoff', model: null }).indirect, true);
    expectCall(facts, { at: '4:1', provider: 'crewai', api: 'Crew.kickoff', model: null });
  });

  it('reads the pydantic-ai model from the Agent construction', async () => {
    const code = py('from pydantic_ai import Agent', 'agent = Agent("anthropic:claude-sonnet-4-6", system_prompt="Be brief.")', 'agent.run_sync("What is 2+2?")');
    const facts = await factsOf(code);
    expectCall(facts, { at: '3:1', provider: 'pydantic-ai', api: 'Agent.run', model: 'anthropic:claude-sonnet-4-6' });
    assert.equal(facts.models[0].provider, 'anthropic');
  });

  it('follows LangGraph graph.compile() to app.invoke, through rebinding', async () => {
    const code = py(
      'from langgraph.graph import StateGraph',
      'graph = StateGraph(dict)',
      'graph.add_node("step", lambda s: s)',
      'graph = graph.compile()',
      'graph.invoke({"x": 1})',
    );
    const call = expectCall(await factsOf(code), { at: '5:1', provider: 'langgraph', api: 'graph.invoke', model: null });
    assert.equal(call.indirect, true);
  });

  it('reads the model and tools of create_react_agent(llm, tools).invoke', async () => {
    const code = py(
      'from langgraph.prebuilt import create_react_agent',
      'from langchain_openai import ChatOpenAI',
      'llm = ChatOpenAI(model="gpt-4o")',
      'def lookup(x): ...',
      'app = create_react_agent(llm, [lookup])',
      'app.invoke({"messages": []})',
    );
    const facts = await factsOf(code);
    const call = expectCall(facts, { at: '6:1', provider: 'langgraph', api: 'graph.invoke', model: 'gpt-4o' });
    assert.equal(call.tools?.count, 1);
    assert.equal(facts.llmCalls.length, 1, 'the ChatOpenAI construction is used by the agent');
    assert.equal(facts.models[0].provider, 'openai');
  });

  it('reports CrewAI agents and LlamaIndex LLMs that no call uses as indirect constructions', async () => {
    const code = py(
      'from crewai import Agent',
      'from llama_index.llms.openai import OpenAI',
      'researcher = Agent(role="r", goal="Find facts", backstory="An expert.", llm="gpt-4o")',
      'Settings_llm = OpenAI(model="gpt-4o-mini")',
    );
    const facts = await factsOf(code);
    assert.equal(expectCall(facts, { at: '3:14', provider: 'crewai', api: 'Agent', model: 'gpt-4o' }).indirect, true);
    expectCall(facts, { at: '4:16', provider: 'llamaindex', api: 'LLM', model: 'gpt-4o-mini' });
  });

  it('counts Anthropic tool lists and marks spreads as unknown counts', async () => {
    const code = py(
      'import anthropic',
      'client = anthropic.Anthropic()',
      'TOOLS = [{"name": "a", "description": "A", "input_schema": {}}]',
      'client.messages.create(model="claude-sonnet-4-6", max_tokens=5, tools=TOOLS, messages=[])',
      'client.messages.create(model="claude-sonnet-4-6", max_tokens=5, tools=[*TOOLS, extra], messages=[])',
    );
    const facts = await factsOf(code);
    const first = expectCall(facts, { at: '4:1', provider: 'anthropic', api: 'messages.create', model: 'claude-sonnet-4-6' });
    assert.deepEqual(first.tools && { count: first.tools.count, names: first.tools.names, at: at(first.tools.loc) }, { count: 1, names: ['a'], at: where(code, 'TOOLS,') });
    const second = expectCall(facts, { at: '5:1', provider: 'anthropic', api: 'messages.create', model: 'claude-sonnet-4-6' });
    assert.equal(second.tools?.count, null);
  });

  it('marks calls through wrap_openai and langfuse import swaps as traced clients', async () => {
    const code = py(
      'from langsmith.wrappers import wrap_openai',
      'from langfuse.openai import openai',
      'import openai as plain',
      'client = wrap_openai(plain.OpenAI())',
      'client.chat.completions.create(model="gpt-4o", messages=[])',
      'openai.chat.completions.create(model="gpt-4o", messages=[])',
    );
    const facts = await factsOf(code);
    const wrapped = expectCall(facts, { at: '5:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.deepEqual(wrapped.tracedBy, { library: 'langsmith', scope: 'client', signal: 'wrap_openai' });
    const swapped = expectCall(facts, { at: '6:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(swapped.tracedBy?.library, 'langfuse');
  });

  it('marks calls inside traced functions, outer functions and span blocks', async () => {
    const code = py(
      'from openai import OpenAI',
      'from langfuse import observe',
      'import mlflow',
      'client = OpenAI()',
      '@observe()',
      'def outer():',
      '    def inner():',
      '        return client.chat.completions.create(model="gpt-4o", messages=[])',
      '    return inner()',
      'def spanned():',
      '    with mlflow.start_span("retrieve"):',
      '        client.chat.completions.create(model="gpt-4o", messages=[])',
      'def bare():',
      '    client.chat.completions.create(model="gpt-4o", messages=[])',
    );
    const facts = await factsOf(code);
    const inner = expectCall(facts, { at: '8:16', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.deepEqual(inner.tracedBy, { library: 'langfuse', scope: 'function', signal: '@observe()' });
    assert.equal(inner.enclosingFunction, 'outer.inner');
    const block = expectCall(facts, { at: '12:9', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(block.tracedBy?.scope, 'block');
    assert.equal(expectCall(facts, { at: '14:5', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' }).tracedBy, null);
  });

  it('marks calls inside an OpenTelemetry tracer span', async () => {
    const code = py(
      'from opentelemetry import trace',
      'import anthropic',
      'tracer = trace.get_tracer(__name__)',
      'client = anthropic.Anthropic()',
      'def go():',
      '    with tracer.start_as_current_span("llm"):',
      '        client.messages.create(model="claude-haiku-4-5", max_tokens=1, messages=[])',
    );
    const call = expectCall(await factsOf(code), { at: '7:9', provider: 'anthropic', api: 'messages.create', model: 'claude-haiku-4-5' });
    assert.equal(call.tracedBy?.library, 'opentelemetry');
  });
});

describe('python front-end: decoys and robustness', () => {
  it('ignores retriever.invoke, requests.post and dict.get', async () => {
    const code = py(
      'import requests',
      'from langchain_community.vectorstores import FAISS',
      'vectorstore = FAISS.load_local("idx")',
      'retriever = vectorstore.as_retriever()',
      'docs = retriever.invoke("question")',
      'requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o"})',
      'config = {}',
      'config.get("model")',
    );
    const facts = await factsOf(code);
    assert.deepEqual(facts.llmCalls, []);
    assert.deepEqual(facts.models, []);
  });

  it('ignores commented-out calls, docstrings and strings that mention a call', async () => {
    const code = py(
      'from openai import OpenAI',
      'def helper():',
      '    """Calls client.chat.completions.create(model="gpt-4o") for you."""',
      '    # client.chat.completions.create(model="gpt-4o", messages=[])',
      '    note = "client.chat.completions.create(model=\'gpt-4o\')"',
      '    return note',
    );
    const facts = await factsOf(code);
    assert.deepEqual(facts.llmCalls, []);
    assert.deepEqual(facts.prompts, []);
  });

  it('ignores unrelated objects named client in files that import no LLM SDK', async () => {
    const code = py(
      'import httpx',
      'def go(client):',
      '    client.chat.completions.create(model="x")',
      '    client.messages.create(body="y")',
      'http = httpx.Client()',
      'http.chat.completions.create()',
    );
    assert.deepEqual((await factsOf(code)).llmCalls, []);
  });

  it('ignores relative imports that happen to share an SDK name', async () => {
    const code = py('from .openai import OpenAI', 'OpenAI().chat.completions.create(model="gpt-4o")');
    assert.deepEqual((await factsOf(code)).llmCalls, []);
  });

  it('still extracts facts from the valid parts of a file with syntax errors', async () => {
    const code = py(
      'from openai import OpenAI',
      'client = OpenAI()',
      'def broken(:',
      '    pass',
      'client.chat.completions.create(model="gpt-4o", messages=[])',
      'x = (1 +',
    );
    const result = await extractPy(code);
    assert.ok(result.syntaxErrors > 0);
    assert.equal(result.skipped, undefined);
    expectCall(result.facts, { at: '5:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
  });

  it('survives 5,000-deep nested expressions', async () => {
    const code = py(
      'from openai import OpenAI',
      'client = OpenAI()',
      `x = ${'('.repeat(5000)}1${')'.repeat(5000)}`,
      `y = ${'f('.repeat(5000)}${')'.repeat(5000)}`,
      `SYSTEM_PROMPT = ${Array.from({ length: 5000 }, () => '"a "').join(' + ')}`,
      'client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM_PROMPT}])',
    );
    const result = await extractPy(code);
    if (result.skipped) return assert.match(result.skipped, /nest/);
    expectCall(result.facts, { at: '6:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(result.facts.prompts[0].text.length, 10000);
  });

  it('does not explode on prompts that reuse a constant exponentially', async () => {
    const doublings = Array.from({ length: 40 }, (_, i) => `P${i + 1} = P${i} + P${i}`);
    const code = py('P0 = "word "', ...doublings, 'SYSTEM_PROMPT = P40');
    const started = Date.now();
    const facts = await factsOf(code);
    assert.ok(Date.now() - started < 5000);
    assert.ok(facts.prompts.every((prompt) => prompt.text.length < 1_000_000));
  });

  it('extracts from a huge file in reasonable time', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `def f${i}(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Q{i}: {q}"}])`);
    const code = py('from openai import OpenAI', 'client = OpenAI()', ...body);
    const started = Date.now();
    const facts = await factsOf(code);
    assert.equal(facts.llmCalls.length, 3000);
    assert.equal(at(facts.llmCalls[2999].loc), `${2 + 2 * 3000}:12`);
    assert.ok(Date.now() - started < 20000);
  });

  it('counts columns in UTF-16 code units after non-ASCII text', async () => {
    const code = py('from openai import OpenAI', 'client = OpenAI()', 'résumé = "😀"; client.chat.completions.create(model="gpt-4o", messages=[])');
    expectCall(await factsOf(code), { at: where(code, 'client.chat'), provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
  });

  it('reads text with lone surrogates, NUL bytes and replacement characters', async () => {
    const code = py('import ollama', 'junk = "\uD800\u0000\uFFFD"', 'ollama.generate(model="llama3.1:8b", prompt="Why is the sky blue?")');
    const facts = await factsOf(code);
    expectCall(facts, { at: '3:1', provider: 'ollama', api: 'chat', model: 'llama3.1:8b' });
    assert.equal(facts.prompts[0].text, 'Why is the sky blue?');
  });

  it('parses without extracting through `parse`', async () => {
    const frontEnd = await pythonFrontEnd();
    assert.equal(frontEnd.parse('x = 1\n'), true);
  });
});
