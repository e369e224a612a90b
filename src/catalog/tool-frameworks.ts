/**
 * Tool-definition shapes per framework. Sources: shared/reference/catalog-facts.md §(b).
 * Structural shapes (OpenAI `{"type":"function",…}`, Anthropic `input_schema`,
 * Responses' flat form) are recognised by the front-ends wherever a dict/object
 * literal has that form, in code and in JSON/YAML files.
 */
export interface ToolShape {
  framework: string;
  /** Decorators that make a function a tool; the docstring is its description. */
  decorators?: { python?: string[]; ts?: string[] };
  /**
   * Calls that define a tool. `name`/`description`/`parameters` are slots
   * (see sdk-calls.ts); `function` names the slot holding the wrapped function,
   * whose docstring/signature stands in for a missing description/parameters.
   */
  calls?: { python?: string[]; ts?: string[]; name?: string[]; description?: string[]; parameters?: string[]; function?: string[] };
  /** Base classes whose subclasses are tools (`class Search(BaseTool)`). */
  baseClasses?: { python?: string[] };
}

export const toolShapes: readonly ToolShape[] = [
  {
    framework: 'langchain',
    decorators: { python: ['{langchain_core.tools,langchain.tools,langchain.agents,langchain_core.tools.convert}.tool'] },
    calls: {
      python: ['{langchain_core.tools,langchain.tools}.{StructuredTool,Tool}.from_function', '{langchain_core.tools,langchain.tools}.{Tool,StructuredTool}'],
      ts: ['{@langchain/core/tools,langchain/tools}.tool', '{@langchain/core/tools,langchain/tools}.{DynamicStructuredTool,DynamicTool}'],
      name: ['kw:name', 'obj:1.name', 'obj:0.name'], description: ['kw:description', 'obj:1.description', 'obj:0.description'],
      parameters: ['kw:args_schema', 'obj:1.schema', 'obj:0.schema'], function: ['kw:func', 'arg:0'],
    },
    baseClasses: { python: ['{langchain_core.tools,langchain.tools}.BaseTool'] },
  },
  { framework: 'openai-agents', decorators: { python: ['agents.function_tool'] }, calls: { ts: ['@openai/agents.tool'], name: ['obj:0.name'], description: ['obj:0.description'], parameters: ['obj:0.parameters'] } },
  {
    framework: 'mcp',
    decorators: { python: ['{mcp.server.fastmcp,fastmcp,mcp.server}.FastMCP().tool'] },
    calls: { ts: ['@modelcontextprotocol/sdk.**.{McpServer,Server}().{tool,registerTool}', '@modelcontextprotocol/sdk.**.McpServer().experimental.tasks.registerToolTask'], name: ['arg:0'], description: ['obj:1.description', 'arg:1'], parameters: ['obj:1.inputSchema', 'arg:2', 'arg:1'] },
  },
  // The low-level MCP server: `@server.list_tools()` returns `Tool(name=…, description=…, inputSchema=…)` declarations.
  { framework: 'mcp', calls: { python: ['mcp.types.Tool'], name: ['kw:name', 'arg:0'], description: ['kw:description'], parameters: ['kw:inputSchema'] } },
  {
    framework: 'vercel-ai',
    calls: { ts: ['ai.{tool,dynamicTool}'], description: ['obj:0.description'], parameters: ['obj:0.inputSchema', 'obj:0.parameters'] },
  },
  { framework: 'crewai', decorators: { python: ['{crewai.tools,crewai_tools,crewai.tools.tool}.tool'] }, baseClasses: { python: ['{crewai.tools,crewai_tools}.BaseTool'] } },
  { framework: 'llamaindex', calls: { python: ['llama_index.**.FunctionTool.from_defaults'], name: ['kw:name'], description: ['kw:description'], function: ['kw:fn', 'arg:0'] } },
  { framework: 'autogen', calls: { python: ['{autogen,ag2}.register_function'], name: ['kw:name'], description: ['kw:description'], function: ['arg:0'] } },
  { framework: 'pydantic-ai', decorators: { python: ['pydantic_ai.Agent().{tool,tool_plain}'] } },
  { framework: 'openai-agents', decorators: { python: ['agents.function_tool'] } },
];
