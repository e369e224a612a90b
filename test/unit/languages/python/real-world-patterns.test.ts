import { strict as assert } from 'node:assert';
import { expectCall, factsOf, py, where } from './helpers';

/**
 * Shapes met in public LLM applications (docs/real-world.md, Python section),
 * each written anew in their likeness.
 */
describe('python front-end: real-world framework patterns', () => {
  it('agno: Agent(model=OpenAIChat(id=…)).run is one call whose model is read through the nested construction', async () => {
    const code = py(
      'from agno.agent import Agent',
      'from agno.models.openai import OpenAIChat',
      'planner = Agent(name="Planner", model=OpenAIChat(id="gpt-4o"), instructions=["Plan a trip"])',
      'result = planner.run("Three days in Rome", stream=False)',
    );
    const facts = await factsOf(code);
    const call = expectCall(facts, { at: where(code, 'planner.run'), provider: 'agno', api: 'Agent.run', model: 'gpt-4o' });
    assert.equal(call.kind, 'llmCall');
    assert.equal(call.indirect, true);
    // neither the Agent nor the OpenAIChat construction is reported again
    assert.equal(facts.llmCalls.length, 1);
    const model = facts.models.find((ref) => ref.id === 'gpt-4o');
    assert.equal(model?.provider, 'openai');
    assert.equal(model?.loc.line, 3);
    assert.equal(model?.loc.column, where(code, '"gpt-4o"').split(':').map(Number)[1]);
  });

  it('agno: an Agent that is never run in its file is reported as an indirect construction with the vendor of its model', async () => {
    const code = py(
      'from agno.agent import Agent',
      'from agno.models.ollama import Ollama',
      'agent = Agent(model=Ollama(id="llama3.2"), tools=[])',
    );
    const facts = await factsOf(code);
    const call = expectCall(facts, { at: '3:9', provider: 'agno', api: 'Agent', model: 'llama3.2' });
    assert.equal(call.indirect, true);
    assert.equal(facts.llmCalls.length, 1);
    assert.equal(facts.models[0]?.provider, 'ollama');
  });

  it('Google ADK: LlmAgent(model="gemini-…") and a LiteLlm-routed Agent', async () => {
    const code = py(
      'from google.adk.agents import Agent, LlmAgent',
      'from google.adk.models.lite_llm import LiteLlm',
      'search_agent = LlmAgent(name="search", model="gemini-2.5-flash", instruction="Search the web")',
      'model = LiteLlm(model="openrouter/openai/gpt-4o")',
      'root_agent = Agent(name="root", model=model)',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: '3:16', provider: 'google-adk', api: 'LlmAgent', model: 'gemini-2.5-flash' });
    expectCall(facts, { at: '5:14', provider: 'google-adk', api: 'LlmAgent', model: 'openrouter/openai/gpt-4o' });
    // the LiteLlm construction is the model of root_agent, not a call of its own
    assert.equal(facts.llmCalls.length, 2);
    assert.deepEqual(facts.models.map((ref) => `${ref.id}@${ref.provider}`).sort(), ['gemini-2.5-flash@google', 'openrouter/openai/gpt-4o@openrouter']);
  });

  it('Google ADK: a Runner over a local agent reads the agent model and absorbs the construction', async () => {
    const code = py(
      'from google.adk.agents import LlmAgent',
      'from google.adk.runners import Runner',
      'agent = LlmAgent(name="a", model="gemini-2.0-flash")',
      'runner = Runner(agent=agent, app_name="app", session_service=None)',
      'async def go(message):',
      '    async for event in runner.run_async(user_id="u", session_id="s", new_message=message):',
      '        print(event)',
    );
    const facts = await factsOf(code);
    const call = expectCall(facts, { at: where(code, 'runner.run_async'), provider: 'google-adk', api: 'Runner.run', model: 'gemini-2.0-flash' });
    assert.equal(call.enclosingFunction, 'go');
    assert.equal(facts.llmCalls.length, 1);
  });

  it('OpenAI Agents SDK: a generic-alias construction Agent[Context](…) is an agent', async () => {
    const code = py(
      'from agents import Agent',
      'MODEL = "gpt-4.1"',
      'class Ctx: ...',
      'faq_agent = Agent[Ctx](name="FAQ", model=MODEL, instructions="Answer FAQs")',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: '4:13', provider: 'openai-agents', api: 'Agent', model: 'gpt-4.1' });
  });

  it('OpenAI Agents SDK: an agent without a model that Runner.run runs is not reported twice', async () => {
    const code = py(
      'from agents import Agent, Runner',
      'helper = Agent(name="helper", instructions="Help")',
      'async def ask(question):',
      '    return await Runner.run(helper, question)',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: where(code, 'Runner.run'), provider: 'openai-agents', api: 'Runner.run', model: null });
    assert.equal(facts.llmCalls.length, 1);
  });

  it('indexing a list of clients is not taken for a generic alias', async () => {
    const code = py('from openai import OpenAI', 'clients = [OpenAI()]', 'clients[0].chat.completions.create(model="gpt-4o", messages=[])');
    const facts = await factsOf(code);
    // resolved only heuristically (the file imports openai), never through the subscript
    const call = expectCall(facts, { at: '3:1', provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o' });
    assert.equal(call.heuristic, true);
  });

  it('Together SDK: AsyncTogether().chat.completions.create', async () => {
    const code = py(
      'from together import AsyncTogether',
      'client = AsyncTogether(api_key="k")',
      'async def run_llm(model):',
      '    return await client.chat.completions.create(model="mistralai/Mixtral-8x22B-Instruct-v0.1", messages=[])',
    );
    const facts = await factsOf(code);
    const call = expectCall(facts, { at: where(code, 'client.chat'), provider: 'together', api: 'chat.completions.create', model: 'mistralai/Mixtral-8x22B-Instruct-v0.1' });
    assert.equal(call.heuristic, false);
  });

  it('AutoGen: ConversableAgent.initiate_chat, a parameter-held agent, and register_function tools', async () => {
    const code = py(
      'from autogen import ConversableAgent, register_function',
      'def move(square: str) -> str:',
      '    """Make a move."""',
      '    return square',
      'white = ConversableAgent(name="white", system_message="You play white", llm_config={"config_list": []})',
      'black = ConversableAgent(name="black", llm_config={"config_list": []})',
      'register_function(move, caller=white, executor=black, name="make_move", description="Call this tool to make a move.")',
      'black.initiate_chat(recipient=white, message="Your move")',
      'def reply(agent, prompt):',
      '    return agent.generate_reply(messages=[{"role": "user", "content": prompt}])',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: where(code, 'black.initiate_chat'), provider: 'autogen', api: 'ConversableAgent.initiate_chat', model: null });
    const byParameter = expectCall(facts, { at: where(code, 'agent.generate_reply'), provider: 'autogen', api: 'ConversableAgent.initiate_chat', model: null });
    assert.equal(byParameter.heuristic, true);
    // white is never run in the file: reported as a construction; black is absorbed by its initiate_chat
    expectCall(facts, { at: '5:9', provider: 'autogen', api: 'ConversableAgent', model: null });
    assert.equal(facts.llmCalls.length, 3);
    const tool = facts.tools.find((candidate) => candidate.name === 'make_move');
    assert.equal(tool?.framework, 'autogen');
    assert.equal(tool?.description, 'Call this tool to make a move.');
  });

  it('a client bound in if/elif branches: the branch that builds an SDK client decides, not the textually last one', async () => {
    const code = py(
      'from openai import OpenAI',
      'from mem0 import Memory',
      'if provider == "openai":',
      '    client = OpenAI()',
      'elif provider == "memory":',
      '    client = Memory.from_config(config)',
      'reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: where(code, 'client.chat'), provider: 'openai', api: 'chat.completions.create', model: 'gpt-4o-mini' });
  });

  it('successive bindings that are not alternatives keep the textual choice (no call through a rebound name)', async () => {
    const code = py(
      'from openai import OpenAI',
      'from mem0 import Memory',
      'client = OpenAI()',
      'client = Memory.from_config(config)',
      'client.chat.completions.create(model="gpt-4o-mini", messages=[])',
    );
    const facts = await factsOf(code);
    assert.deepEqual(facts.llmCalls.map((call) => call.api), []);
  });

  it('CrewAI: SomeCrew().crew().kickoff() through a crew class from a project module, without the crewai import', async () => {
    const code = py(
      'from game_builder_crew.crew import GameBuilderCrew',
      'def run():',
      '    inputs = {"game": "snake"}',
      '    result = GameBuilderCrew().crew().kickoff(inputs=inputs)',
      '    report = Summary().kickoff()',
    );
    const facts = await factsOf(code);
    expectCall(facts, { at: where(code, 'GameBuilderCrew()'), provider: 'crewai', api: 'Crew.kickoff', model: null });
    // a bare `.kickoff()` on a project object without crewai is not a crew run
    assert.equal(facts.llmCalls.length, 1);
  });

  it('Google ADK / agno / pydantic-ai: plain functions listed in an agent\'s tools=[…] are tools (docstring, signature)', async () => {
    const code = py(
      'from google.adk.agents import Agent',
      'from google.adk.tools import google_search',
      'def get_weather(city: str, unit: str = "C") -> dict:',
      '    """Returns the current weather in a city.',
      '',
      '    Args:',
      '        city: The city to look up.',
      '    """',
      '    return {}',
      'def helper(x):',
      '    return x',
      'root_agent = Agent(name="weather", model="gemini-2.0-flash", tools=[get_weather, google_search])',
    );
    const facts = await factsOf(code);
    assert.deepEqual(facts.tools.map((tool) => [tool.name, tool.framework, tool.description]), [['get_weather', 'google-adk', 'Returns the current weather in a city.']]);
    assert.deepEqual(facts.tools[0].parameters.map((parameter) => [parameter.name, parameter.type, parameter.required, parameter.description]), [
      ['city', 'str', true, 'The city to look up.'],
      ['unit', 'str', false, null],
    ]);
    assert.equal(facts.tools[0].loc.line, 3);
  });

  it('a plain function listed in a framework without plain-function tools (OpenAI Agents SDK) is not a tool', async () => {
    const code = py(
      'from agents import Agent',
      'def lookup(order_id: str) -> str:',
      '    return order_id',
      'agent = Agent(name="support", tools=[lookup])',
    );
    const facts = await factsOf(code);
    assert.equal(facts.tools.length, 0);
  });

  it('low-level MCP server: Tool(name=…, description=…, inputSchema=…) declarations, names from a str constant or an Enum member\'s .value', async () => {
    const code = py(
      'from enum import Enum',
      'from mcp.server import Server',
      'from mcp.types import Tool',
      'class Names(str, Enum):',
      '    NOW = "get_current_time"',
      'STATUS = "git_status"',
      'server = Server("demo")',
      '@server.list_tools()',
      'async def list_tools() -> list[Tool]:',
      '    return [',
      '        Tool(name=Names.NOW.value, description="Current time in a timezone", inputSchema={"type": "object"}),',
      '        Tool(name=STATUS, description="Shows the working tree status", inputSchema=GitStatus.model_json_schema()),',
      '    ]',
      'def not_a_tool(tool: Tool) -> str:',
      '    return tool.name',
    );
    const facts = await factsOf(code);
    assert.deepEqual(facts.tools.map((tool) => [tool.name, tool.framework, tool.description]), [
      ['get_current_time', 'mcp', 'Current time in a timezone'],
      ['git_status', 'mcp', 'Shows the working tree status'],
    ]);
  });
});

describe('real-world patterns: chat models handed in as parameters', () => {
  it('a receiver named like a model (`self.llm`, `grader_model`) in a LangChain file is a chat-model call', async () => {
    const code = [
      'from langchain_core.messages import HumanMessage',
      '',
      'class Grader:',
      '    def __init__(self, llm, grader_model):',
      '        self.llm = llm',
      '        self.grader_model = grader_model',
      '',
      '    async def ask(self, messages):',
      '        return await self.llm.ainvoke(messages)',
      '',
      '    def grade(self, text):',
      '        return self.grader_model.invoke([HumanMessage(content=text)])',
      '',
    ].join('\n');
    const calls = (await factsOf(code)).llmCalls.map((call) => [call.loc.line, call.loc.column, call.provider, call.api, call.heuristic]);
    assert.deepEqual(calls, [
      [9, 22, 'langchain', 'chat_model.invoke', true],
      [12, 16, 'langchain', 'chat_model.invoke', true],
    ]);
  });

  it('a parameter annotated `BaseChatModel` is a chat model whatever its name', async () => {
    const code = 'from langchain_core.language_models import BaseChatModel\n\ndef summarize(summarizer: BaseChatModel, text):\n    return summarizer.invoke(text)\n';
    const [call] = (await factsOf(code)).llmCalls;
    assert.deepEqual([call.loc.line, call.loc.column, call.provider, call.api, call.model], [4, 12, 'langchain', 'BaseChatModel.invoke', null]);
  });

  it('decoys: chains, graphs and retrievers keep their `.invoke`; no LangChain import, no match', async () => {
    const chains = 'from langchain_core.prompts import ChatPromptTemplate\n\ndef run(chain, graph, retriever, q):\n    chain.invoke(q)\n    graph.invoke(q)\n    retriever.invoke(q)\n';
    assert.deepEqual((await factsOf(chains)).llmCalls, []);
    const plain = 'def run(llm, q):\n    return llm.invoke(q)\n';
    assert.deepEqual((await factsOf(plain)).llmCalls, []);
  });
});
