/**
 * Tracing set-ups: how each library is switched on and what it covers.
 * Sources: shared/reference/catalog-facts.md §(c) (MLflow, LangSmith, Langfuse,
 * OpenTelemetry, OpenInference, Traceloop, Weave, Helicone, Braintrust and
 * Agents SDK documentation excerpts).
 *
 * Patterns are origin paths (see patterns.ts). `coversSegment` names the
 * segment of the matched path that says which SDK is covered
 * (`mlflow.openai.autolog` → segment 1 → `openai`); without it, `covers` applies.
 */
export interface TracingShape {
  library: string;
  scope: 'global' | 'client' | 'function' | 'disabled';
  /** Calls (`mlflow.openai.autolog()`, `wrap_openai(client)`), for global/client/disabled scopes. */
  calls?: { python?: string[]; ts?: string[] };
  /** Decorators (Python) or higher-order wrappers of a function (TS `traceable(fn)`). */
  decorators?: { python?: string[]; ts?: string[] };
  /** Context managers / span callbacks whose block is covered. */
  spans?: { python?: string[]; ts?: string[] };
  /** Imports that swap the SDK for a traced one (`from langfuse.openai import openai`). */
  importSwaps?: { python?: string[]; ts?: string[] };
  /**
   * Per-call options that switch tracing on for that call alone (AI SDK
   * `experimental_telemetry: { isEnabled: true }`): the calls and the slot that
   * must hold `true` (see sdk-calls.ts slots; `obj:N.a.b` reads nested properties).
   */
  callOptions?: { python?: string[]; ts?: string[]; slot: string };
  covers?: string[];
  coversSegment?: number;
}

export const tracingShapes: readonly TracingShape[] = [
  { library: 'mlflow', scope: 'global', calls: { python: ['mlflow.autolog'] }, covers: ['*'] },
  { library: 'mlflow', scope: 'global', calls: { python: ['mlflow.*.autolog'] }, coversSegment: 1 },
  { library: 'mlflow', scope: 'function', decorators: { python: ['mlflow.trace'], ts: ['mlflow-tracing.trace'] }, spans: { python: ['mlflow.start_span'], ts: ['mlflow-tracing.withSpan'] }, covers: ['*'] },
  { library: 'mlflow', scope: 'client', calls: { ts: ['mlflow-openai.tracedOpenAI'] }, covers: ['openai'] },
  { library: 'langsmith', scope: 'client', calls: { python: ['langsmith.wrappers.{wrap_openai,wrap_anthropic,wrap_gemini}'], ts: ['langsmith/wrappers.{wrapOpenAI,wrapAnthropic,wrapSDK}', 'langsmith/wrappers/openai.wrapOpenAI', 'langsmith/wrappers/vercel.wrapAISDK'] }, covers: ['*'] },
  { library: 'langsmith', scope: 'function', decorators: { python: ['langsmith.{traceable,run_helpers.traceable}'], ts: ['langsmith/traceable.traceable'] }, spans: { python: ['langsmith.{trace,tracing_context}'] }, covers: ['*'] },
  { library: 'langsmith', scope: 'global', calls: { python: ['langsmith.integrations.openai_agents.OpenAIAgentsTracingProcessor'] }, covers: ['openai-agents'] },
  { library: 'langfuse', scope: 'function', decorators: { python: ['langfuse.{observe,decorators.observe}'], ts: ['@langfuse/tracing.observe'] }, spans: { python: ['langfuse.**.{start_as_current_span,start_as_current_generation,start_as_current_observation}'], ts: ['@langfuse/tracing.{startActiveObservation,startActiveSpan}'] }, covers: ['*'] },
  { library: 'langfuse', scope: 'client', importSwaps: { python: ['langfuse.openai'] }, calls: { ts: ['langfuse.observeOpenAI', '@langfuse/openai.observeOpenAI', 'langfuse-langchain.CallbackHandler'] }, covers: ['openai'] },
  { library: 'langfuse', scope: 'global', calls: { python: ['langfuse.callback.CallbackHandler', 'langfuse.langchain.CallbackHandler'] }, covers: ['langchain', 'langgraph'] },
  { library: 'opentelemetry', scope: 'global', calls: { python: ['opentelemetry.instrumentation.*.*().instrument'] }, coversSegment: 2 },
  { library: 'openinference', scope: 'global', calls: { python: ['openinference.instrumentation.*.*().instrument'], ts: ['@arizeai/openinference-instrumentation-*.*()'] }, coversSegment: 2 },
  { library: 'opentelemetry', scope: 'function', spans: { python: ['opentelemetry.trace.get_tracer().{start_as_current_span,start_span}', 'opentelemetry.trace.**.start_as_current_span'], ts: ['@opentelemetry/api.trace.getTracer().{startActiveSpan,startSpan}'] }, decorators: { python: ['opentelemetry.trace.get_tracer().start_as_current_span'] }, covers: ['*'] },
  { library: 'phoenix', scope: 'global', calls: { python: ['phoenix.otel.register'] }, covers: ['*'] },
  { library: 'traceloop', scope: 'global', calls: { python: ['traceloop.sdk.Traceloop.init'], ts: ['@traceloop/node-server-sdk.initialize'] }, covers: ['*'] },
  { library: 'traceloop', scope: 'function', decorators: { python: ['traceloop.sdk.decorators.{workflow,task,agent,tool,aworkflow,atask}'], ts: ['@traceloop/node-server-sdk.{withWorkflow,withTask,withAgent}'] }, covers: ['*'] },
  { library: 'weave', scope: 'global', calls: { python: ['weave.init'], ts: ['weave.init'] }, covers: ['*'] },
  { library: 'weave', scope: 'function', decorators: { python: ['weave.op'], ts: ['weave.op'] }, covers: ['*'] },
  { library: 'logfire', scope: 'global', calls: { python: ['logfire.{instrument_openai,instrument_anthropic,instrument_pydantic_ai,instrument_litellm,instrument_google_genai,instrument_openai_agents,instrument_mcp}'] }, covers: ['*'] },
  { library: 'logfire', scope: 'function', decorators: { python: ['logfire.instrument'] }, spans: { python: ['logfire.span'] }, covers: ['*'] },
  { library: 'braintrust', scope: 'global', calls: { python: ['braintrust.auto_instrument'] }, covers: ['*'] },
  { library: 'braintrust', scope: 'client', calls: { python: ['braintrust.{wrap_openai,wrap_anthropic,wrap_litellm}'], ts: ['braintrust.{wrapOpenAI,wrapAnthropic,wrapAISDK,wrapAISDKModel}'] }, covers: ['*'] },
  { library: 'braintrust', scope: 'function', decorators: { python: ['braintrust.traced'], ts: ['braintrust.{traced,wrapTraced}'] }, covers: ['*'] },
  { library: 'agentops', scope: 'global', calls: { python: ['agentops.init'], ts: ['agentops.init'] }, covers: ['*'] },
  { library: 'helicone', scope: 'global', calls: { python: ['litellm.success_callback'] }, covers: ['litellm'] },
  { library: 'openai-agents', scope: 'disabled', calls: { python: ['agents.set_tracing_disabled'] }, covers: ['openai-agents'] },
  { library: 'vercel-ai-telemetry', scope: 'function', callOptions: { ts: ['ai.{generateText,streamText,generateObject,streamObject,embed,embedMany}'], slot: 'obj:0.experimental_telemetry.isEnabled' }, covers: ['vercel-ai'] },
  { library: 'openai-agents', scope: 'function', spans: { python: ['agents.{trace,custom_span,generation_span}'], ts: ['@openai/agents.{withTrace,withCustomSpan}'] }, covers: ['*'] },
];

/** SDK names as instrumentation packages spell them → catalog provider ids. */
export const instrumentedSdkAliases: Readonly<Record<string, string>> = {
  openai: 'openai', openai_v2: 'openai', 'openai-v2': 'openai', anthropic: 'anthropic', gemini: 'google', genai: 'google',
  google_genai: 'google', google_generativeai: 'google', vertexai: 'google', bedrock: 'bedrock', botocore: 'bedrock',
  litellm: 'litellm', langchain: 'langchain', llama_index: 'llamaindex', llamaindex: 'llamaindex', mistral: 'mistral',
  mistralai: 'mistral', groq: 'groq', ollama: 'ollama', crewai: 'crewai', openai_agents: 'openai-agents', dspy: 'dspy',
  autogen: 'autogen', pydantic_ai: 'pydantic-ai', smolagents: 'smolagents', cohere: 'cohere', langgraph: 'langgraph',
};

/** Tracing gateways: a client whose base URL has one of these hosts is traced by that library. */
export const tracingGateways: readonly { host: string; library: string }[] = [
  { host: 'oai.helicone.ai', library: 'helicone' },
  { host: 'ai-gateway.helicone.ai', library: 'helicone' },
  { host: 'anthropic.helicone.ai', library: 'helicone' },
  { host: 'gateway.helicone.ai', library: 'helicone' },
  { host: 'oai.hconeai.com', library: 'helicone' },
  { host: 'api.portkey.ai', library: 'portkey' },
  { host: 'gateway.ai.cloudflare.com', library: 'cloudflare-ai-gateway' },
  { host: 'api.braintrust.dev', library: 'braintrust' },
];

/** Environment switches (in `.env*` files, compose files, CI env blocks). */
export const tracingEnvSignals: readonly { name: string; values: string[]; library: string; scope: 'env' | 'disabled'; covers: string[] }[] = [
  { name: 'LANGSMITH_TRACING', values: ['true', '1'], library: 'langsmith', scope: 'env', covers: ['langchain', 'langgraph'] },
  { name: 'LANGCHAIN_TRACING_V2', values: ['true', '1'], library: 'langsmith', scope: 'env', covers: ['langchain', 'langgraph'] },
  { name: 'OPENAI_AGENTS_DISABLE_TRACING', values: ['1', 'true'], library: 'openai-agents', scope: 'disabled', covers: ['openai-agents'] },
  { name: 'OTEL_PYTHON_AUTO_INSTRUMENTATION_ENABLED', values: ['true'], library: 'opentelemetry', scope: 'env', covers: ['*'] },
];

/**
 * Tracing that an SDK does on its own unless switched off. Portkey's SDK sends every call
 * through its gateway, which logs and traces it (portkey.ai/docs/api-reference/sdk/python, 2026-11-25).
 */
export const nativeTracing: Readonly<Record<string, string>> = {
  'openai-agents': 'openai-agents',
  portkey: 'portkey',
};

/**
 * Frameworks that call the vendor's own SDK underneath (LangChain's `ChatOpenAI`
 * runs the `openai` client, LlamaIndex's `OpenAI` too, LiteLLM and Agno route
 * OpenAI models through it): an instrumentor of the vendor SDK records their
 * model calls. The vendor comes from the call shape's `modelProvider`, the
 * model reference's provider or a `vendor/` prefix of the model id.
 * Sources: the instrumentors' docs (OpenInference, OpenTelemetry contrib, MLflow
 * autolog: "spans of the underlying SDK calls"), as of 2026-07.
 */
export const vendorSdkFrameworks: readonly string[] = ['langchain', 'llamaindex', 'litellm', 'agno', 'crewai', 'dspy', 'autogen', 'pydantic-ai'];

/**
 * Coverage one SDK's instrumentation implies for frameworks built on its
 * callbacks: LangGraph runs on LangChain's callback system, so LangChain
 * instrumentors and `mlflow.langchain.autolog()` trace graph runs.
 * Source: MLflow "LangGraph tracing" and OpenInference LangChain instrumentor docs, as of 2026-07.
 */
export const impliedCoverage: Readonly<Record<string, readonly string[]>> = {
  langchain: ['langgraph'],
};

/**
 * Deployment configs that switch tracing on for the project they sit in:
 * `langgraph.json` declares a LangGraph Platform / `langgraph dev` deployment,
 * which sends LangGraph and LangChain runs to LangSmith by default.
 * Source: LangGraph Platform docs ("traces are sent to LangSmith"), as of 2026-07.
 */
export const tracingConfigFiles: readonly { name: string; library: string; covers: string[] }[] = [
  { name: 'langgraph.json', library: 'langsmith', covers: ['langchain', 'langgraph'] },
];
