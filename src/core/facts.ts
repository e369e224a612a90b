/**
 * Facts: the language-neutral description of what an LLM application does.
 * Front-ends (src/languages/*) turn source files into facts; rules read facts,
 * never a particular language's syntax tree.
 *
 * Locations are 1-based; `endColumn` is exclusive. `file` is the POSIX path
 * relative to the audit root. Notebook cells carry `cell` (0-based index of the
 * cell in the notebook) and lines relative to the notebook file as a whole is
 * not meaningful, so `line` is the line inside that cell.
 */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Jupyter notebooks only: index of the code cell (0-based, counting all cells). */
  cell?: number;
}

export type Language = 'python' | 'typescript' | 'javascript' | 'json' | 'yaml' | 'prompt' | 'manifest' | 'notebook';

/**
 * A value as far as static reading can tell. `value` is null when the code
 * computes it in a way we do not follow (a settings object, the environment,
 * a parameter); `expression` then holds the source text, for messages.
 */
export interface StaticValue {
  value: string | null;
  expression: string;
  loc: Location;
  /** Where the value came from when it was not written at the use site: e.g. `MODEL` constant, `os.environ`. */
  via?: 'literal' | 'constant' | 'env' | 'settings' | 'parameter' | 'unknown';
}

export interface LlmCall {
  kind: 'llmCall';
  loc: Location;
  /** Catalog provider id: openai, anthropic, google, mistral, cohere, litellm, bedrock, ollama, langchain, llamaindex, vercel-ai, openai-agents, crewai, pydantic-ai, langgraph, ... */
  provider: string;
  /** Catalog API id, e.g. `chat.completions.create`, `messages.create`, `ChatOpenAI.invoke`, `generateText`. */
  api: string;
  /** `chat` | `completion` | `embedding` | `agent` | `image` | `audio` */
  operation: string;
  model: StaticValue | null;
  /** True for framework runs that call a model on the user's behalf (Runner.run, crew.kickoff, graph.invoke). */
  indirect: boolean;
  /** Name of the enclosing function (`Class.method` for methods), null at module level. */
  enclosingFunction: string | null;
  /** Source text of the client/receiver binding (`self.client`, `llm`), used to match per-client tracing wrappers. */
  client: string | null;
  /** A `base_url`/`baseURL` given to the client, when statically known (tracing gateways). */
  baseUrl: string | null;
  /** Tools bound to this call, when the call or its agent has any. */
  tools: ToolBinding | null;
  /** True when the resolution rested on a method name alone (the receiver's origin was not followed). */
  heuristic: boolean;
  /**
   * Tracing the front-end can see at the call site: a wrapped or swapped client
   * (`wrap_openai(OpenAI())`, `from langfuse.openai import openai`), a gateway base
   * URL, a tracing decorator on an enclosing function or a span block around the call.
   * Phase 2 adds project-wide coverage (autolog, instrumentors, env switches).
   */
  tracedBy: LocalTracing | null;
  /**
   * Names that hold the call's result, or values derived from it, within the
   * enclosing function (`reply = client…create(…)`, `code = reply.choices[0].message.content`),
   * in the order they are bound. Schema validation and escaping end the chain.
   * Absent when the front-end does not follow data flow.
   */
  output?: FlowStep[];
  /**
   * When the enclosing function returns that output: the same file's calls of that
   * function (`code = ask(q)`), each with what its own function derives from the result.
   * One level: a function returning such a call's result is not followed further.
   */
  returnedTo?: OutputCaller[];
}

/** A call, in another function of the same file, of a function that returns model output. */
export interface OutputCaller {
  /** The function the calling code is in (null: module level). */
  enclosingFunction: string | null;
  /** The call of the returning function (`ask(q)`). */
  loc: Location;
  /** Names in the calling function that hold its result, as in `LlmCall.output`. */
  output: FlowStep[];
}

/** One binding on an intraprocedural data-flow path: `name` is bound at `loc` from `from` (null: from the source itself). */
export interface FlowStep {
  name: string;
  loc: Location;
  from: string | null;
  /** The name is re-bound here to something not derived from the source (a sanitiser's result): the flow through it ends. */
  cleared?: boolean;
}

/** A place where a value is run as code, a shell command or SQL, deserialised, or written as HTML (catalog: sinks.ts). */
export interface Sink {
  kind: 'sink';
  /** The sink call or assignment (`eval(…)`, `el.innerHTML = …`). */
  loc: Location;
  /** Catalog id: `eval`, `exec`, `subprocess-shell`, `os.system`, `sql-execute`, `pickle.loads`, `innerHTML`, `child_process.exec`, … */
  sink: string;
  category: 'code' | 'shell' | 'sql' | 'deserialize' | 'html';
  /** The sink as written, for messages: `eval`, `subprocess.run(shell=True)`, `cursor.execute`, `.innerHTML =`. */
  callee: string;
  enclosingFunction: string | null;
  /** The expression the sink consumes, where it is, and the local names it reads (not through a sanitiser). */
  consumed: { expression: string; loc: Location; names: string[] };
}

/**
 * Data that comes from a request or a user: a web handler's parameter, a
 * request body (`request.json`, `req.body`, `await req.json()`), a parameter
 * named like user input; with the names derived from it in its function.
 */
export interface UserInput {
  kind: 'userInput';
  loc: Location;
  /** The source as written: `req.body`, `request.get_json()`, the parameter's name. */
  expression: string;
  /** `handler-parameter`, `request-body`, `ui-input` (`st.chat_input()`, `input()`), `user-named-parameter`. */
  reason: 'handler-parameter' | 'request-body' | 'ui-input' | 'user-named-parameter';
  enclosingFunction: string | null;
  /** The whole enclosing function: prompts inside it can be reached. */
  scope: Location;
  /** The names holding the data or values derived from it, the source's own name first when it has one. */
  names: FlowStep[];
}

export interface LocalTracing {
  library: string;
  scope: 'client' | 'function' | 'block' | 'gateway';
  /** The signal as written: `@traceable`, `wrap_openai`, `https://oai.helicone.ai/v1`. */
  signal: string;
}

export interface ToolBinding {
  loc: Location;
  /** Number of tools, or null when a spread/variable could not be resolved. */
  count: number | null;
  names: string[];
}

export interface TokenCount {
  tokens: number;
  encoding: 'o200k_base' | 'cl100k_base';
  /** True when the model has no public tokenizer (Claude, Gemini, …) and o200k_base stands in for it. */
  estimated: boolean;
}

export type PromptRole = 'system' | 'developer' | 'user' | 'assistant' | 'instructions' | 'template' | 'unknown';

export interface Prompt {
  kind: 'prompt';
  loc: Location;
  role: PromptRole;
  /** The prompt text as resolved within the module; unresolved parts appear as `{expr}`. */
  text: string;
  /** inline (at the call), constant (a named module/class constant), template (a prompt-template object), file (a prompt file). */
  source: 'inline' | 'constant' | 'template' | 'file';
  /** Variable/constant name when the prompt was bound to one. */
  name: string | null;
  /** How the text was assembled: number of appended parts (`+=`, `.append`, concatenation, join of sections). */
  assembly: { parts: number; appends: number; style: 'literal' | 'concat' | 'augmented' | 'list-join' | 'format' } ;
  /** Model of the call that uses this prompt, when known (token counting uses its encoding). */
  model: string | null;
  /** Its token count, set in phase 1 by `promptTokenCount` (absent until then). */
  tokens?: TokenCount;
  /** True when the prompt is used by (or defined at) an LLM call we found. */
  usedByCall: boolean;
  /** Placeholders found in the text (`{name}`, `{{name}}`, `${name}`). */
  variables: string[];
  /** Source expressions interpolated into the prompt (f-string / template-literal holes), for injection rules. */
  interpolations: string[];
}

export interface ToolParameter {
  name: string;
  type: string | null;
  description: string | null;
  required: boolean;
}

export interface ToolDef {
  kind: 'tool';
  loc: Location;
  name: string;
  description: string | null;
  /** openai, anthropic, langchain, openai-agents, vercel-ai, mcp, crewai, llamaindex, pydantic-ai, json-schema */
  framework: string;
  parameters: ToolParameter[];
  /**
   * Parts the definition names but the front-end could not read: a description
   * from another module, an imported `args_schema`/`inputSchema`. `description`
   * is then null and `parameters` may come from a fallback (the function's
   * signature), so rules must not call them missing.
   */
  unresolved?: ('description' | 'parameters')[];
}

export interface ModelRef {
  kind: 'model';
  loc: Location;
  id: string;
  /** Provider the id belongs to, when the call or a `provider/` prefix says so. */
  provider: string | null;
  /** What names the model: `llm-call` (a call's model argument), `constant`, `config`, `prompt-file`, `hub`. */
  context: string;
}

export interface TracingSetup {
  kind: 'tracing';
  loc: Location;
  library: string;
  /** global: patches SDKs process-wide; client: wraps one client; function: decorator/span over a function; env: an env var/config switch; disabled: an opt-out. */
  scope: 'global' | 'client' | 'function' | 'env' | 'disabled';
  /** Providers/frameworks covered (catalog ids), `*` for all. */
  covers: string[];
  /** For scope `function`: the decorated/spanned function name (`Class.method`). For `client`: the wrapped client's binding text. */
  target: string | null;
  /** The signal as written, e.g. `mlflow.openai.autolog()`, `@observe`, `LANGSMITH_TRACING=true`. */
  signal: string;
}

export interface ArtifactRef {
  kind: 'artifact';
  loc: Location;
  /** hf-model, hf-dataset, hf-file, sentence-transformer, mlflow-model, prompt-hub, model-file, ollama-model; model-save (a model written to a local path) and model-lineage (a model logged to a registry or tracker) */
  type: string;
  /** Repo id, URI or path. */
  name: string | null;
  /** The revision/version as written; null when none is given. */
  revision: string | null;
  api: string;
  /** For `model-save`: source text of the saved object (`model`, `model.state_dict()`, the receiver of `.save_pretrained`). */
  object?: string;
}

export interface Dependency {
  kind: 'dependency';
  loc: Location;
  name: string;
  ecosystem: 'pypi' | 'npm';
  /** The version constraint as written; null when there is none. */
  spec: string | null;
  pinning: 'exact' | 'range' | 'none';
  /** True for LLM SDKs and frameworks (the catalog's list). */
  genai: boolean;
  /** Set in phase 2: the lockfile beside this manifest, if any. */
  lockfile: string | null;
}

export type Fact = LlmCall | Prompt | ToolDef | ModelRef | TracingSetup | ArtifactRef | Dependency | Sink | UserInput;

export interface FileFacts {
  llmCalls: LlmCall[];
  prompts: Prompt[];
  tools: ToolDef[];
  models: ModelRef[];
  tracing: TracingSetup[];
  artifacts: ArtifactRef[];
  dependencies: Dependency[];
  sinks: Sink[];
  userInputs: UserInput[];
}

export function emptyFacts(): FileFacts {
  return { llmCalls: [], prompts: [], tools: [], models: [], tracing: [], artifacts: [], dependencies: [], sinks: [], userInputs: [] };
}
