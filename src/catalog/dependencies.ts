/** LLM SDKs and frameworks whose versions decide what the application does. */
export const genaiPythonPackages: readonly string[] = [
  'openai', 'anthropic', 'google-genai', 'google-generativeai', 'google-cloud-aiplatform', 'vertexai', 'mistralai', 'cohere',
  'litellm', 'ollama', 'groq', 'together', 'portkey-ai', 'boto3', 'huggingface-hub', 'transformers', 'sentence-transformers', 'tiktoken',
  'langchain', 'langchain-core', 'langchain-community', 'langgraph', 'llama-index', 'llama-index-core', 'crewai', 'crewai-tools',
  'pydantic-ai', 'pydantic-ai-slim', 'openai-agents', 'dspy', 'dspy-ai', 'haystack-ai', 'semantic-kernel', 'instructor', 'autogen-agentchat',
  'pyautogen', 'smolagents', 'mcp', 'fastmcp', 'vllm', 'guidance', 'outlines',
];
/** Prefixes: every `langchain-*` and `llama-index-*` integration package counts. */
export const genaiPythonPrefixes: readonly string[] = ['langchain-', 'llama-index-', 'langgraph-'];

export const genaiNpmPackages: readonly string[] = [
  'openai', '@anthropic-ai/sdk', '@google/genai', '@google/generative-ai', '@mistralai/mistralai', 'cohere-ai', 'ai',
  'ollama', 'groq-sdk', 'portkey-ai', 'langchain', 'llamaindex', '@openai/agents', '@modelcontextprotocol/sdk', '@aws-sdk/client-bedrock-runtime',
  'mastra', 'js-tiktoken', '@huggingface/inference',
];
export const genaiNpmPrefixes: readonly string[] = ['@ai-sdk/', '@langchain/', '@llamaindex/', '@mastra/', '@openai/agents'];

/** Normalises a PyPI name as PEP 503 does. */
export function normalisePythonPackage(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function isGenaiPackage(name: string, ecosystem: 'pypi' | 'npm'): boolean {
  if (ecosystem === 'pypi') {
    const n = normalisePythonPackage(name);
    return genaiPythonPackages.includes(n) || genaiPythonPrefixes.some((p) => n.startsWith(p));
  }
  return genaiNpmPackages.includes(name) || genaiNpmPrefixes.some((p) => name.startsWith(p));
}
