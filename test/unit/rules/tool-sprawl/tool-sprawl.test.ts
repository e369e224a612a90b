import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../../src/core/config';
import { Engine } from '../../../../src/core/engine';
import type { Finding } from '../../../../src/core/finding';
import type { RuleDefinition } from '../../../../src/core/rule';
import { overlappingTools } from '../../../../src/rules/tool-sprawl/overlapping-tools';
import { tooManyTools } from '../../../../src/rules/tool-sprawl/too-many-tools';
import { undocumentedTool } from '../../../../src/rules/tool-sprawl/undocumented-tool';
import { contentWords, identifierWords } from '../../../../src/rules/tool-sprawl/words';
import { loadFrontEnds } from '../../../../src/workspace/frontends';

async function audit(rule: RuleDefinition, files: Record<string, string>, options: Record<string, unknown> = {}, others: string[] = []): Promise<Finding[]> {
  const config = { ...defaultConfig(), rules: { [rule.code]: { enabled: true, options } } };
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: [rule], config });
  const results = Object.entries(files).map(([path, text]) => engine.analyzeFile({ path, text }));
  const allPaths = new Set([...Object.keys(files), ...others]);
  return engine.analyzeWorkspace(results, allPaths, { texts: new Map(Object.entries(files)) }).findings.filter((f) => f.rule === rule.code);
}

const salesTools = (a: string, b: string) => `from langchain_core.tools import tool


@tool
def ${a}(region: str) -> str:
    """Get the sales figures of a region for the current week."""
    return ""


@tool
def ${b}(region: str) -> str:
    """Get the sales figures of a region for the current month."""
    return ""
`;

describe('tool-sprawl words', () => {
  it('splits snake, camel, kebab and spaced names alike', () => {
    assert.deepEqual(identifierWords('getWeeklySales'), ['get', 'weekly', 'sales']);
    assert.deepEqual(identifierWords('get_weekly_sales'), ['get', 'weekly', 'sales']);
    assert.deepEqual(identifierWords('Search the-internet'), ['search', 'the', 'internet']);
    assert.deepEqual(identifierWords('parseHTMLPage'), ['parse', 'html', 'page']);
  });

  it('keeps content words only, plurals folded', () => {
    assert.deepEqual(contentWords('Get the sales figures of a region.'), ['get', 'sale', 'figure', 'region']);
  });
});

describe('GD201 overlapping-tools', function () {
  this.timeout(30_000);

  it('reports both members at their names, explains the score and links the other', async () => {
    const findings = await audit(overlappingTools, { 'sales.py': salesTools('get_weekly_sales', 'get_monthly_sales') });
    assert.equal(findings.length, 2);
    const [weekly, monthly] = findings.sort((x, y) => x.loc.line - y.loc.line);
    assert.deepEqual([weekly.loc.line, weekly.loc.column, weekly.loc.endLine, weekly.loc.endColumn], [5, 5, 5, 21]);
    assert.equal(weekly.messageId, 'overlap');
    assert.match(weekly.message, /^`get_weekly_sales` and `get_monthly_sales` are easy for a model to confuse: names \d+% alike, descriptions \d+% alike, same parameters$/);
    assert.equal(weekly.related.length, 1);
    assert.equal(weekly.related[0].loc.line, 11);
    assert.match(weekly.related[0].message, /^`get_monthly_sales`: names/);
    assert.equal(monthly.related[0].loc.line, 5);
  });

  it('joins three similar tools into one cluster; every member links the two others', async () => {
    const text = `from langchain_core.tools import tool

@tool
def list_open_tickets(project: str) -> str:
    """List the support tickets of a project that are still open."""

@tool
def list_pending_tickets(project: str) -> str:
    """List the support tickets of a project that are still pending."""

@tool
def list_unresolved_tickets(project: str) -> str:
    """List the support tickets of a project that are still unresolved."""
`;
    const findings = await audit(overlappingTools, { 'tickets.py': text });
    assert.equal(findings.length, 3);
    for (const finding of findings) {
      assert.equal(finding.messageId, 'overlapCluster');
      assert.match(finding.message, /\(3 similar tools in all\)$/);
      assert.equal(finding.related.length, 2);
    }
  });

  it('compares across files and frameworks in one folder (a JSON schema and a decorated tool)', async () => {
    const schema = 'TOOLS = [{"type": "function", "function": {"name": "fetch_customer", "description": "Fetch the customer record (name, email, plan) by its id.", "parameters": {"type": "object", "properties": {"customer_id": {"type": "string"}}}}}]\n';
    const decorated = 'from agents import function_tool\n\n@function_tool\ndef get_customer(customer_id: str) -> str:\n    """Get the customer record with name, email and plan for an id."""\n    return ""\n';
    const findings = await audit(overlappingTools, { 'app/schemas.py': schema, 'app/tools.py': decorated });
    assert.deepEqual(findings.map((f) => f.loc.file).sort(), ['app/schemas.py', 'app/tools.py']);
  });

  it('does not compare tools of different folders by default, but does with scope "app" inside one package', async () => {
    const files = {
      'examples/weekly/tools.py': salesTools('get_weekly_sales', 'unrelated_a').split('@tool').slice(0, 2).join('@tool'),
      'examples/monthly/tools.py': salesTools('unrelated_b', 'get_monthly_sales').replace(/@tool\ndef unrelated_b[\s\S]*?return ""\n/, ''),
    };
    assert.equal((await audit(overlappingTools, files)).length, 0);
    assert.equal((await audit(overlappingTools, files, { scope: 'app' }, ['examples/requirements.txt'])).length, 2);
    // Separate packages stay apart even with scope "app".
    assert.equal((await audit(overlappingTools, files, { scope: 'app' }, ['examples/weekly/requirements.txt', 'examples/monthly/requirements.txt'])).length, 0);
  });

  it('compares tools of different folders when one call binds them together', async () => {
    const files = {
      'tools/sales_week.py': salesTools('get_weekly_sales', 'x').split('@tool').slice(0, 2).join('@tool'),
      'reports/sales_month.py': salesTools('y', 'get_monthly_sales').replace(/@tool\ndef y[\s\S]*?return ""\n/, ''),
      'agent.py': 'from agents import Agent\nagent = Agent(name="a", tools=[get_weekly_sales, get_monthly_sales])\n',
    };
    assert.equal((await audit(overlappingTools, files)).length, 2);
  });

  it('treats two definitions with one name as the same tool, and leaves tools that share only a verb alone', async () => {
    const text = `from langchain_core.tools import tool

@tool
def get_weather(city: str) -> str:
    """Get the current weather conditions for a city."""

@tool
def get_stock_price(ticker: str) -> str:
    """Get the latest traded stock price for a ticker symbol."""

SCHEMA = {"type": "function", "function": {"name": "get_weather", "description": "Get the current weather conditions for a city."}}
`;
    assert.deepEqual(await audit(overlappingTools, { 'tools.py': text }), []);
  });

  it('honours the threshold option', async () => {
    assert.equal((await audit(overlappingTools, { 'sales.py': salesTools('get_weekly_sales', 'get_monthly_sales') }, { threshold: 0.99 })).length, 0);
  });
});

describe('GD202 too-many-tools', function () {
  this.timeout(30_000);
  const names = (count: number) => Array.from({ length: count }, (_, index) => `t${index}`).join(', ');

  it('reports the tool list once for an agent and the run that uses it, with both calls related', async () => {
    const text = `from agents import Agent, Runner\n\nTOOLS = [${names(21)}]\nagent = Agent(name="a", tools=TOOLS)\n`;
    const findings = await audit(tooManyTools, { 'agent.py': text });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].messageId, 'tooMany');
    assert.equal(findings[0].message, '`Agent` is given 21 tools, more than 20; a model picks the wrong tool more often as the list grows');
    assert.equal(findings[0].loc.line, 4);
  });

  it('counts spreads of module lists in TypeScript and reports at the list', async () => {
    const text = `import OpenAI from 'openai';\nconst client = new OpenAI();\nconst A = [${names(12)}];\nconst B = [${names(9)}];\nawait client.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [], tools: [...A, ...B] });\n`;
    const findings = await audit(tooManyTools, { 'chat.ts': text });
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /given 21 tools/);
    assert.deepEqual([findings[0].loc.line, findings[0].loc.column], [5, 89]);
    assert.equal(findings[0].related[0].loc.line, 5);
  });

  it('reports an unresolved list only when its known part alone exceeds the limit, as "at least"', async () => {
    const text = `import OpenAI from 'openai';\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [], tools: [...plugins, ${names(21)}] });\nawait client.chat.completions.create({ model: 'gpt-4o-2024-08-06', messages: [], tools: [...plugins, ${names(5)}] });\n`;
    const findings = await audit(tooManyTools, { 'chat.ts': text });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].messageId, 'atLeast');
    assert.equal(findings[0].loc.line, 3);
  });

  it('honours maxToolsPerCall', async () => {
    const text = `from agents import Agent\nagent = Agent(name="a", tools=[${names(6)}])\n`;
    assert.equal((await audit(tooManyTools, { 'agent.py': text })).length, 0);
    assert.equal((await audit(tooManyTools, { 'agent.py': text }, { maxToolsPerCall: 5 })).length, 1);
  });
});

describe('GD203 undocumented-tool', function () {
  this.timeout(30_000);

  it('names the missing description and the unclear parameters in one finding at the tool name', async () => {
    const text = 'from langchain_core.tools import tool\n\n@tool\ndef schedule_meeting(date: str, attendees: str, city: str, minutes: int):\n    return ""\n';
    const [finding, ...rest] = await audit(undocumentedTool, { 'tools.py': text });
    assert.equal(rest.length, 0);
    assert.equal(finding.messageId, 'noDescription');
    assert.deepEqual([finding.loc.line, finding.loc.column, finding.loc.endColumn], [4, 5, 21]);
    assert.equal(finding.message, '`schedule_meeting` has no description; the model has only its name to decide when to call it; parameters `date`, `attendees` have no description either');
  });

  it('flags a description that only restates the name, whatever its length', async () => {
    const text = 'from agents import function_tool\n\n@function_tool\ndef cancel_flight(flight_number: str) -> str:\n    """Cancel a flight."""\n    return ""\n';
    const findings = await audit(undocumentedTool, { 'tools.py': text });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].message, '`cancel_flight` is described only as "Cancel a flight.", too little to tell a model when to call it');
  });

  it('parameters: "all" checks every visible parameter, "none" none, and injected ones never', async () => {
    const text = 'from langchain_core.tools import tool\nfrom langchain.tools import ToolRuntime\n\n@tool\ndef get_weather(city: str, days: int, runtime: ToolRuntime) -> str:\n    """Get the weather forecast for a city for the coming days."""\n    return ""\n';
    assert.equal((await audit(undocumentedTool, { 'tools.py': text })).length, 0);
    const all = await audit(undocumentedTool, { 'tools.py': text }, { parameters: 'all' });
    assert.equal(all.length, 1);
    assert.equal(all[0].message, '`get_weather` does not describe parameters `city`, `days`; the model has to guess what to pass');
    const bare = 'from langchain_core.tools import tool\n\n@tool\ndef export(span: str) -> str:\n    """Export the report of a period in the finance format."""\n    return ""\n';
    assert.equal((await audit(undocumentedTool, { 'tools.py': bare })).length, 1);
    assert.equal((await audit(undocumentedTool, { 'tools.py': bare }, { parameters: 'none' })).length, 0);
  });

  it('does not call a description missing when it is set after the definition or comes from elsewhere', async () => {
    const later = 'from langchain_core.tools import tool\n\ndef make(description):\n    @tool\n    def custom_tool(query: str) -> str:\n        return ""\n    custom_tool.description = description\n    return custom_tool\n';
    assert.deepEqual(await audit(undocumentedTool, { 'factory.py': later }), []);
    const imported = 'from langchain_core.tools import StructuredTool\nfrom .texts import SEARCH_DESCRIPTION\n\ndef search(query: str) -> str:\n    return ""\n\nsearch_tool = StructuredTool.from_function(func=search, name="search", description=SEARCH_DESCRIPTION)\n';
    assert.deepEqual(await audit(undocumentedTool, { 'tools.py': imported }), []);
  });
});
