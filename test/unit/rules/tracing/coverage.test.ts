import { strict as assert } from 'node:assert';
import { auditFiles } from './audit';

async function tracedBy(files: Record<string, string>): Promise<(string | null)[]> {
  const result = await auditFiles(files, []);
  return result.facts.llmCalls.sort((a, b) => a.loc.file.localeCompare(b.loc.file) || a.loc.line - b.loc.line).map((call) => result.coverage.get(call)?.tracedBy ?? null);
}

const LANGCHAIN_APP = 'from langchain_openai import ChatOpenAI\nfrom langchain_anthropic import ChatAnthropic\n\ndef a(q):\n    return ChatOpenAI(model="gpt-4o-mini").invoke(q)\n\ndef b(q):\n    return ChatAnthropic(model="claude-sonnet-4-5").invoke(q)\n';

describe('tracing coverage', () => {
  it('an instrumentor of a vendor SDK covers framework models of that vendor only', async () => {
    const setup = 'from openinference.instrumentation.openai import OpenAIInstrumentor\nOpenAIInstrumentor().instrument()\n';
    assert.deepEqual(await tracedBy({ 'app.py': LANGCHAIN_APP, 'otel.py': setup }), ['openinference', null]);
  });

  it('LangSmith env switches cover LangChain runs, not raw SDK calls', async () => {
    const raw = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n';
    assert.deepEqual(await tracedBy({ '.env': 'LANGSMITH_TRACING=true\n', 'app.py': LANGCHAIN_APP, 'raw.py': raw }), ['langsmith', 'langsmith', null]);
  });

  it('a set-up reaches its own project and nested ones, not a sibling project', async () => {
    const call = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n';
    const files = {
      'a/requirements.txt': 'openai\n', 'a/main.py': `import mlflow\nmlflow.openai.autolog()\n${call}`,
      'a/sub/requirements.txt': 'openai\n', 'a/sub/main.py': call,
      'b/requirements.txt': 'openai\n', 'b/main.py': call,
    };
    assert.deepEqual(await tracedBy(files), ['mlflow', 'mlflow', null]);
  });

  it('Agents SDK runs are traced natively unless the project disables it', async () => {
    const run = 'from agents import Agent, Runner\n\nasync def go(q):\n    return await Runner.run(Agent(name="a"), q)\n';
    assert.deepEqual(await tracedBy({ 'x/requirements.txt': 'openai-agents\n', 'x/app.py': run, 'y/requirements.txt': 'openai-agents\n', 'y/app.py': run, 'y/.env': 'OPENAI_AGENTS_DISABLE_TRACING=1\n' }), ['openai-agents', null]);
  });

  it("calls through Portkey's SDK are traced by its gateway", async () => {
    const files = {
      'gateway.py': 'from portkey_ai import Portkey\nPortkey().chat.completions.create(model="gpt-4o-mini", messages=[])\n',
      'raw.py': 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n',
    };
    assert.deepEqual(await tracedBy(files), ['portkey', null]);
  });
});
