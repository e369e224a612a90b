/**
 * LLM call shapes of the SDKs and frameworks, as data. Front-ends resolve each
 * call's callee to an origin path (see patterns.ts) and look it up here.
 *
 * Slots say where an argument lives:
 *   `kw:NAME`          Python keyword argument
 *   `arg:N`            positional argument N (0-based)
 *   `obj:N.NAME`       property NAME of the object/dict literal given as argument N
 *   `ctor.<slot>`      the slot on the construction at the root of the receiver
 *                      (`ChatOpenAI(model=…)` for `llm.invoke(…)`)
 *   `argctor:N.<slot>` argument N resolved to a construction, then the slot there
 *                      (`Runner.run(agent, …)` → `Agent(model=…)`)
 *   `chain.M.<slot>`   the slot on a call of method M in the receiver chain
 *                      (`llm.bind_tools([...]).invoke(…)`)
 *
 * Sources: shared/reference/catalog-facts.md §(a) (Semgrep source patterns,
 * provider docs); call shapes marked there as unverified were checked against the
 * SDKs' own READMEs before they were added here.
 */

export type Operation = 'chat' | 'completion' | 'embedding' | 'agent' | 'image' | 'audio';

export interface PromptSlot {
  slot: string;
  /** `messages`: a list of {role, content} (dicts, objects, LangChain tuples or message classes); `text`: one string; `contents`: Gemini contents. */
  shape: 'messages' | 'text' | 'contents';
  /** Role of a `text` slot. */
  role?: 'system' | 'developer' | 'user' | 'instructions';
}

export interface CallShape {
  provider: string;
  api: string;
  operation: Operation;
  python?: string[];
  ts?: string[];
  /**
   * Matched only when the receiver's origin is unknown (`?` root) and the file imports one of
   * `requiresImport`; with `receiverNames` (a regular expression), also only when the receiver's
   * own name says what it is (`self.llm.ainvoke`, `summary_model.invoke`).
   */
  heuristic?: { python?: string[]; ts?: string[]; requiresImport: string[]; receiverNames?: string };
  model?: string[];
  /** Provider of the model id, when the shape names the vendor (ChatAnthropic → anthropic). */
  modelProvider?: string;
  /** Model ids carry their provider as a prefix (`openai/gpt-4o`, `anthropic:claude-…`): routers and agent frameworks. */
  providerPrefix?: boolean;
  prompts?: PromptSlot[];
  tools?: string[];
  /** A framework run that calls the model on the user's behalf. */
  indirect?: boolean;
  /**
   * A construction (`ChatOpenAI(...)`, `Agent(...)`): reported as an indirect call
   * only when no call on the constructed object matched a shape in the same file
   * (it is handed to a chain, a graph or an agent instead).
   */
  construct?: boolean;
}

const OPENAI_MODULES = '{openai,langfuse.openai}';
const OPENAI_CLIENTS = '{OpenAI,AsyncOpenAI,AzureOpenAI,AsyncAzureOpenAI,Client,AsyncClient}';
const OPENAI_TS_CLIENTS = '{default,OpenAI,AzureOpenAI}';

const openaiMessages: PromptSlot[] = [{ slot: 'kw:messages', shape: 'messages' }, { slot: 'obj:0.messages', shape: 'messages' }];
const responsesPrompts: PromptSlot[] = [
  { slot: 'kw:instructions', shape: 'text', role: 'instructions' },
  { slot: 'obj:0.instructions', shape: 'text', role: 'instructions' },
  { slot: 'kw:input', shape: 'messages' },
  { slot: 'obj:0.input', shape: 'messages' },
];

const openaiShapes: CallShape[] = [
  {
    provider: 'openai', api: 'chat.completions.create', operation: 'chat',
    python: [
      `${OPENAI_MODULES}.${OPENAI_CLIENTS}().**.chat.completions.{create,parse,stream}`,
      `${OPENAI_MODULES}.**.chat.completions.{create,parse,stream}`,
      `${OPENAI_MODULES}.ChatCompletion.{create,acreate}`,
    ],
    ts: [`openai.${OPENAI_TS_CLIENTS}().**.chat.completions.{create,parse,stream,runTools}`],
    heuristic: { python: ['?.**.chat.completions.{create,parse,stream}'], ts: ['?.**.chat.completions.{create,parse,stream,runTools}'], requiresImport: ['openai', 'langfuse.openai', 'azure.ai.inference', 'groq', 'together', 'cerebras', 'portkey_ai', 'portkey-ai'] },
    model: ['kw:model', 'obj:0.model'],
    prompts: openaiMessages,
    tools: ['kw:tools', 'kw:functions', 'obj:0.tools', 'obj:0.functions'],
  },
  {
    provider: 'openai', api: 'completions.create', operation: 'completion',
    python: [`${OPENAI_MODULES}.${OPENAI_CLIENTS}().completions.create`, `${OPENAI_MODULES}.Completion.{create,acreate}`],
    ts: [`openai.${OPENAI_TS_CLIENTS}().completions.create`],
    model: ['kw:model', 'obj:0.model'],
    prompts: [{ slot: 'kw:prompt', shape: 'text', role: 'user' }, { slot: 'obj:0.prompt', shape: 'text', role: 'user' }],
  },
  {
    provider: 'openai', api: 'responses.create', operation: 'chat',
    python: [`${OPENAI_MODULES}.${OPENAI_CLIENTS}().**.responses.{create,parse,stream}`],
    ts: [`openai.${OPENAI_TS_CLIENTS}().**.responses.{create,parse,stream}`],
    heuristic: { python: ['?.responses.{create,parse,stream}'], ts: ['?.responses.{create,parse,stream}'], requiresImport: ['openai'] },
    model: ['kw:model', 'obj:0.model'],
    prompts: responsesPrompts,
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    provider: 'openai', api: 'embeddings.create', operation: 'embedding',
    python: [`${OPENAI_MODULES}.${OPENAI_CLIENTS}().embeddings.create`, `${OPENAI_MODULES}.Embedding.create`],
    ts: [`openai.${OPENAI_TS_CLIENTS}().embeddings.create`],
    heuristic: { python: ['?.embeddings.create'], ts: ['?.embeddings.create'], requiresImport: ['openai'] },
    model: ['kw:model', 'obj:0.model'],
  },
  {
    provider: 'openai', api: 'images.generate', operation: 'image',
    python: [`${OPENAI_MODULES}.${OPENAI_CLIENTS}().images.{generate,edit}`],
    ts: [`openai.${OPENAI_TS_CLIENTS}().images.{generate,edit}`],
    model: ['kw:model', 'obj:0.model'],
    prompts: [{ slot: 'kw:prompt', shape: 'text', role: 'user' }, { slot: 'obj:0.prompt', shape: 'text', role: 'user' }],
  },
  {
    provider: 'openai', api: 'audio', operation: 'audio',
    python: [`${OPENAI_MODULES}.${OPENAI_CLIENTS}().audio.{transcriptions,translations,speech}.create`],
    ts: [`openai.${OPENAI_TS_CLIENTS}().audio.{transcriptions,translations,speech}.create`],
    model: ['kw:model', 'obj:0.model'],
  },
];

const anthropicShapes: CallShape[] = [
  {
    provider: 'anthropic', api: 'messages.create', operation: 'chat',
    python: ['anthropic.{Anthropic,AsyncAnthropic,AnthropicBedrock,AsyncAnthropicBedrock,AnthropicVertex,AsyncAnthropicVertex,Client}().**.messages.{create,stream,parse}'],
    ts: ['@anthropic-ai/sdk.{default,Anthropic}().**.messages.{create,stream,parse}'],
    heuristic: { python: ['?.**.messages.{create,stream}'], ts: ['?.**.messages.{create,stream}'], requiresImport: ['anthropic', '@anthropic-ai/sdk'] },
    model: ['kw:model', 'obj:0.model'],
    prompts: [
      { slot: 'kw:system', shape: 'text', role: 'system' },
      { slot: 'obj:0.system', shape: 'text', role: 'system' },
      { slot: 'kw:messages', shape: 'messages' },
      { slot: 'obj:0.messages', shape: 'messages' },
    ],
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    provider: 'anthropic', api: 'completions.create', operation: 'completion',
    python: ['anthropic.{Anthropic,AsyncAnthropic}().completions.create'],
    ts: ['@anthropic-ai/sdk.{default,Anthropic}().completions.create'],
    model: ['kw:model', 'obj:0.model'],
  },
];

const googleShapes: CallShape[] = [
  {
    provider: 'google', api: 'models.generate_content', operation: 'chat',
    python: ['google.genai.Client().**.models.{generate_content,generate_content_stream}'],
    heuristic: { python: ['?.**.models.{generate_content,generate_content_stream}'], requiresImport: ['google.genai', 'google'] },
    model: ['kw:model'],
    prompts: [{ slot: 'kw:contents', shape: 'contents' }],
    tools: [],
  },
  {
    provider: 'google', api: 'models.generateContent', operation: 'chat',
    ts: ['@google/genai.GoogleGenAI().models.{generateContent,generateContentStream}'],
    heuristic: { ts: ['?.models.{generateContent,generateContentStream}'], requiresImport: ['@google/genai'] },
    model: ['obj:0.model'],
    prompts: [{ slot: 'obj:0.contents', shape: 'contents' }],
  },
  {
    provider: 'google', api: 'chats.send_message', operation: 'chat',
    python: ['google.genai.Client().**.chats.create().{send_message,send_message_stream}'],
    ts: ['@google/genai.GoogleGenAI().chats.create().{sendMessage,sendMessageStream}'],
    model: ['ctor.kw:model', 'ctor.obj:0.model'],
  },
  {
    provider: 'google', api: 'models.embed_content', operation: 'embedding',
    python: ['google.genai.Client().**.models.embed_content'],
    ts: ['@google/genai.GoogleGenAI().models.embedContent'],
    model: ['kw:model', 'obj:0.model'],
  },
  {
    provider: 'google', api: 'GenerativeModel.generate_content', operation: 'chat',
    python: ['google.generativeai.GenerativeModel().{generate_content,generate_content_async,start_chat().send_message,start_chat().send_message_async,count_tokens}', 'google.generativeai.GenerativeModel().start_chat().{send_message,send_message_async}'],
    ts: ['@google/generative-ai.GoogleGenerativeAI().getGenerativeModel().{generateContent,generateContentStream}', '@google/generative-ai.GoogleGenerativeAI().getGenerativeModel().startChat().{sendMessage,sendMessageStream}'],
    heuristic: { python: ['?.{generate_content,generate_content_async}'], ts: ['?.{generateContent,generateContentStream}'], requiresImport: ['google.generativeai', '@google/generative-ai', 'vertexai'] },
    // `getGenerativeModel({ model }).startChat().sendMessage(…)`: the model is on the call before `startChat`
    model: ['ctor.arg:0', 'ctor.kw:model_name', 'ctor.obj:0.model', 'chain.getGenerativeModel.obj:0.model'],
    prompts: [{ slot: 'ctor.kw:system_instruction', shape: 'text', role: 'system' }, { slot: 'ctor.obj:0.systemInstruction', shape: 'text', role: 'system' }, { slot: 'arg:0', shape: 'contents' }],
  },
  {
    provider: 'google', api: 'vertexai.GenerativeModel.generate_content', operation: 'chat',
    python: ['vertexai.**.GenerativeModel().{generate_content,generate_content_async}', 'vertexai.**.GenerativeModel().start_chat().send_message'],
    model: ['ctor.arg:0', 'ctor.kw:model_name'],
    prompts: [{ slot: 'ctor.kw:system_instruction', shape: 'text', role: 'system' }, { slot: 'arg:0', shape: 'contents' }],
  },
];

const otherSdkShapes: CallShape[] = [
  {
    provider: 'mistral', api: 'chat.complete', operation: 'chat',
    python: ['{mistralai,mistralai.client}.{Mistral,MistralClient}().chat.{complete,complete_async,stream,stream_async}', 'mistralai.client.MistralClient().chat'],
    ts: ['@mistralai/mistralai.Mistral().chat.{complete,stream}'],
    heuristic: { python: ['?.chat.{complete,complete_async}'], ts: ['?.chat.complete'], requiresImport: ['mistralai', '@mistralai/mistralai'] },
    model: ['kw:model', 'obj:0.model'],
    prompts: openaiMessages,
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    provider: 'mistral', api: 'embeddings.create', operation: 'embedding',
    python: ['mistralai.Mistral().embeddings.create'],
    ts: ['@mistralai/mistralai.Mistral().embeddings.create'],
    model: ['kw:model', 'obj:0.model'],
  },
  {
    provider: 'cohere', api: 'chat', operation: 'chat',
    python: ['cohere.{Client,ClientV2,AsyncClient,AsyncClientV2}().{chat,chat_stream,generate}'],
    ts: ['cohere-ai.{CohereClient,CohereClientV2}().{chat,chatStream,generate}'],
    model: ['kw:model', 'obj:0.model'],
    prompts: [...openaiMessages, { slot: 'kw:preamble', shape: 'text', role: 'system' }, { slot: 'kw:message', shape: 'text', role: 'user' }, { slot: 'obj:0.preamble', shape: 'text', role: 'system' }],
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    provider: 'cohere', api: 'embed', operation: 'embedding',
    python: ['cohere.{Client,ClientV2,AsyncClient,AsyncClientV2}().{embed,rerank}'],
    ts: ['cohere-ai.{CohereClient,CohereClientV2}().{embed,rerank}'],
    model: ['kw:model', 'obj:0.model'],
  },
  {
    provider: 'litellm', api: 'completion', operation: 'chat',
    python: ['litellm.{completion,acompletion,text_completion,atext_completion}', 'litellm.Router().{completion,acompletion}'],
    model: ['kw:model', 'arg:0'], providerPrefix: true,
    prompts: [{ slot: 'kw:messages', shape: 'messages' }],
    tools: ['kw:tools', 'kw:functions'],
  },
  {
    provider: 'litellm', api: 'embedding', operation: 'embedding',
    python: ['litellm.{embedding,aembedding}'],
    model: ['kw:model', 'arg:0'], providerPrefix: true,
  },
  {
    provider: 'bedrock', api: 'converse', operation: 'chat',
    python: ['{boto3,boto3.session.Session()}.client().{converse,converse_stream}', 'boto3.Session().client().{converse,converse_stream}'],
    heuristic: { python: ['?.{converse,converse_stream}'], requiresImport: ['boto3', 'botocore'] },
    model: ['kw:modelId'],
    prompts: [{ slot: 'kw:system', shape: 'messages', role: 'system' }, { slot: 'kw:messages', shape: 'messages' }],
    tools: ['kw:toolConfig'],
  },
  {
    provider: 'bedrock', api: 'invoke_model', operation: 'chat',
    python: ['{boto3,boto3.session.Session()}.client().{invoke_model,invoke_model_with_response_stream}', 'boto3.Session().client().{invoke_model,invoke_model_with_response_stream}'],
    heuristic: { python: ['?.{invoke_model,invoke_model_with_response_stream}'], requiresImport: ['boto3', 'botocore'] },
    model: ['kw:modelId'],
  },
  {
    provider: 'bedrock', api: 'ConverseCommand', operation: 'chat',
    ts: ['@aws-sdk/client-bedrock-runtime.BedrockRuntimeClient().send'],
    model: ['argctor:0.obj:0.modelId'],
  },
  {
    provider: 'ollama', api: 'chat', operation: 'chat',
    python: ['ollama.{chat,generate,embed,embeddings}', 'ollama.{Client,AsyncClient}().{chat,generate,embed,embeddings}'],
    ts: ['ollama.{default,Ollama()}.{chat,generate,embed,embeddings}'],
    model: ['kw:model', 'obj:0.model'],
    prompts: [...openaiMessages, { slot: 'kw:system', shape: 'text', role: 'system' }, { slot: 'kw:prompt', shape: 'text', role: 'user' }, { slot: 'obj:0.prompt', shape: 'text', role: 'user' }],
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    provider: 'groq', api: 'chat.completions.create', operation: 'chat',
    python: ['groq.{Groq,AsyncGroq}().chat.completions.create'],
    ts: ['groq-sdk.{default,Groq}().chat.completions.create'],
    model: ['kw:model', 'obj:0.model'],
    prompts: openaiMessages,
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    // Portkey's gateway SDK, OpenAI-shaped (portkey.ai/docs/api-reference/sdk/python;
    // portkey.ai/docs/welcome/integration-guides/openai for `import Portkey from 'portkey-ai'`), 2026-11-25.
    provider: 'portkey', api: 'chat.completions.create', operation: 'chat',
    python: ['portkey_ai.{Portkey,AsyncPortkey}().chat.completions.create'],
    ts: ['portkey-ai.{default,Portkey}().chat.completions.create'],
    model: ['kw:model', 'obj:0.model'],
    prompts: openaiMessages,
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    // OpenAI-compatible vendor SDKs with their own client classes.
    provider: 'together', api: 'chat.completions.create', operation: 'chat',
    python: ['together.{Together,AsyncTogether}().{chat.completions,completions}.create', 'cerebras.cloud.sdk.{Cerebras,AsyncCerebras}().chat.completions.create'],
    model: ['kw:model'],
    prompts: [{ slot: 'kw:messages', shape: 'messages' }, { slot: 'kw:prompt', shape: 'text', role: 'user' }],
    tools: ['kw:tools'],
  },
  {
    provider: 'huggingface', api: 'InferenceClient', operation: 'chat',
    python: ['huggingface_hub.{InferenceClient,AsyncInferenceClient}().{chat_completion,text_generation,chat.completions.create}'],
    model: ['kw:model', 'ctor.kw:model', 'ctor.arg:0'],
    prompts: [{ slot: 'kw:messages', shape: 'messages' }, { slot: 'arg:0', shape: 'messages' }],
  },
];

/** LangChain chat models and LLMs: class → vendor, with the packages that export it. */
const langchainModels: { classes: string[]; vendor: string; python: string[]; ts: string[] }[] = [
  { classes: ['ChatOpenAI', 'AzureChatOpenAI', 'OpenAI', 'AzureOpenAI'], vendor: 'openai', python: ['langchain_openai', 'langchain_community', 'langchain.chat_models', 'langchain.llms'], ts: ['@langchain/openai'] },
  { classes: ['OpenAIEmbeddings', 'AzureOpenAIEmbeddings'], vendor: 'openai', python: [], ts: [] },
  { classes: ['ChatAnthropic', 'AnthropicLLM'], vendor: 'anthropic', python: ['langchain_anthropic', 'langchain_community'], ts: ['@langchain/anthropic'] },
  { classes: ['ChatGoogleGenerativeAI', 'GoogleGenerativeAI'], vendor: 'google', python: ['langchain_google_genai'], ts: ['@langchain/google-genai'] },
  { classes: ['ChatVertexAI', 'VertexAI'], vendor: 'google', python: ['langchain_google_vertexai', 'langchain_community'], ts: ['@langchain/google-vertexai'] },
  { classes: ['ChatMistralAI'], vendor: 'mistral', python: ['langchain_mistralai'], ts: ['@langchain/mistralai'] },
  { classes: ['ChatCohere'], vendor: 'cohere', python: ['langchain_cohere', 'langchain_community'], ts: ['@langchain/cohere'] },
  { classes: ['ChatOllama', 'OllamaLLM', 'Ollama'], vendor: 'ollama', python: ['langchain_ollama', 'langchain_community'], ts: ['@langchain/ollama', '@langchain/community'] },
  { classes: ['ChatBedrock', 'ChatBedrockConverse', 'BedrockLLM'], vendor: 'bedrock', python: ['langchain_aws', 'langchain_community'], ts: ['@langchain/aws'] },
  { classes: ['ChatGroq'], vendor: 'groq', python: ['langchain_groq'], ts: ['@langchain/groq'] },
  { classes: ['ChatFireworks', 'ChatTogether', 'ChatDeepSeek', 'ChatXAI', 'ChatHuggingFace', 'ChatLiteLLM', 'ChatPerplexity', 'ChatNVIDIA', 'ChatDatabricks', 'ChatCerebras', 'GigaChat', 'ChatNetmind'], vendor: 'other', python: ['langchain_gigachat', 'langchain_netmind', 'langchain_fireworks', 'langchain_together', 'langchain_deepseek', 'langchain_xai', 'langchain_huggingface', 'langchain_litellm', 'langchain_community', 'langchain_perplexity', 'langchain_nvidia_ai_endpoints', 'databricks_langchain', 'langchain_cerebras'], ts: ['@langchain/community', '@langchain/deepseek', '@langchain/xai'] },
];

const LC_INVOKE_PY = '{invoke,ainvoke,stream,astream,batch,abatch,predict,apredict,predict_messages,generate,agenerate,call_as_llm,astream_events}';
const LC_INVOKE_TS = '{invoke,stream,batch,call,predict,generate,streamEvents}';
const LC_PASS = '**';

function langchainShapes(): CallShape[] {
  const shapes: CallShape[] = [];
  for (const family of langchainModels) {
    if (family.python.length === 0 && family.ts.length === 0) continue;
    const classes = `{${family.classes.join(',')}}`;
    const pyModules = family.python.map((m) => `${m}.**.${classes}()`);
    const tsModules = family.ts.map((m) => `${m}.**.${classes}()`);
    shapes.push({
      provider: 'langchain', api: `${family.classes[0]}.invoke`, operation: 'chat', modelProvider: family.vendor,
      python: pyModules.map((m) => `${m}.${LC_PASS}.${LC_INVOKE_PY}`),
      ts: tsModules.map((m) => `${m}.${LC_PASS}.${LC_INVOKE_TS}`),
      model: ['ctor.kw:model', 'ctor.kw:model_name', 'ctor.kw:model_id', 'ctor.kw:deployment_name', 'ctor.kw:azure_deployment', 'ctor.obj:0.model', 'ctor.obj:0.modelName', 'ctor.obj:0.azureOpenAIApiDeploymentName'],
      prompts: [{ slot: 'arg:0', shape: 'messages' }],
      tools: ['chain.bind_tools.arg:0', 'chain.bindTools.arg:0'],
    });
    shapes.push({
      provider: 'langchain', api: family.classes[0], operation: 'chat', modelProvider: family.vendor, construct: true, indirect: true,
      python: pyModules, ts: tsModules,
      model: ['kw:model', 'kw:model_name', 'kw:model_id', 'kw:deployment_name', 'kw:azure_deployment', 'obj:0.model', 'obj:0.modelName', 'obj:0.azureOpenAIApiDeploymentName'],
    });
  }
  shapes.push(
    {
      provider: 'langchain', api: 'init_chat_model.invoke', operation: 'chat',
      python: [`{langchain.chat_models,langchain}.**.init_chat_model().${LC_PASS}.${LC_INVOKE_PY}`],
      ts: [`langchain.**.initChatModel().${LC_PASS}.${LC_INVOKE_TS}`],
      model: ['ctor.arg:0', 'ctor.kw:model', 'ctor.arg:0'], providerPrefix: true,
      prompts: [{ slot: 'arg:0', shape: 'messages' }],
    },
    {
      // A parameter annotated as LangChain's model interfaces (`llm: BaseChatModel`).
      provider: 'langchain', api: 'BaseChatModel.invoke', operation: 'chat',
      python: [`langchain_core.**.{BaseChatModel,BaseLanguageModel,BaseLLM,LanguageModelLike}().${LC_PASS}.${LC_INVOKE_PY}`],
      ts: [`@langchain/core/language_models/{chat_models,base,llms}.{BaseChatModel,BaseLanguageModel,BaseLLM}().${LC_PASS}.${LC_INVOKE_TS}`],
      prompts: [{ slot: 'arg:0', shape: 'messages' }],
    },
    {
      // A chat model handed in as a parameter (`def __init__(self, llm): self.llm = llm`): every
      // Runnable has `.invoke`, so only a receiver named like a model counts.
      provider: 'langchain', api: 'chat_model.invoke', operation: 'chat',
      heuristic: {
        python: ['?.{invoke,ainvoke,stream,astream,batch,abatch}'],
        requiresImport: ['langchain', 'langchain_core', 'langchain_community', 'langchain_openai', 'langchain_anthropic', 'langchain_google_genai', 'langchain_ollama', 'langgraph'],
        receiverNames: '^(?:[a-z]+_)*(?:llm|llms|chat_model|chat_llm|model|summary_model|language_model)$',
      },
      prompts: [{ slot: 'arg:0', shape: 'messages' }],
    },
    {
      provider: 'langchain', api: 'init_chat_model', operation: 'chat', construct: true, indirect: true,
      python: ['{langchain.chat_models,langchain}.**.init_chat_model'],
      ts: ['langchain.**.initChatModel'],
      model: ['arg:0', 'kw:model'], providerPrefix: true,
    },
    {
      provider: 'langchain', api: 'embeddings', operation: 'embedding', construct: true,
      python: ['{langchain_openai,langchain_community,langchain_google_genai,langchain_ollama,langchain_huggingface,langchain_cohere,langchain_mistralai,langchain_aws}.**.{OpenAIEmbeddings,AzureOpenAIEmbeddings,GoogleGenerativeAIEmbeddings,OllamaEmbeddings,HuggingFaceEmbeddings,CohereEmbeddings,MistralAIEmbeddings,BedrockEmbeddings}'],
      ts: ['{@langchain/openai,@langchain/google-genai,@langchain/ollama,@langchain/cohere,@langchain/mistralai}.**.{OpenAIEmbeddings,AzureOpenAIEmbeddings,GoogleGenerativeAIEmbeddings,OllamaEmbeddings,CohereEmbeddings,MistralAIEmbeddings}'],
      model: ['kw:model', 'kw:model_name', 'obj:0.model', 'obj:0.modelName'],
    },
  );
  return shapes;
}

const AGNO_MODULES = '{agno,phi}';
const AUTOGEN_AGENTS = '{autogen,ag2,autogen_agentchat}.**.{AssistantAgent,ConversableAgent}';

/** agno/phidata model classes (`agno.models.openai.OpenAIChat`, `phi.model.openai.OpenAIChat`) → vendor. */
const agnoModels: { classes: string[]; vendor: string }[] = [
  { classes: ['OpenAIChat', 'OpenAIResponses', 'AzureOpenAI', 'OpenAILike'], vendor: 'openai' },
  { classes: ['Claude'], vendor: 'anthropic' },
  { classes: ['Gemini', 'GeminiOpenAIChat'], vendor: 'google' },
  { classes: ['Ollama', 'OllamaTools'], vendor: 'ollama' },
  { classes: ['Groq'], vendor: 'groq' },
  { classes: ['MistralChat'], vendor: 'mistral' },
  { classes: ['AwsBedrock'], vendor: 'bedrock' },
  { classes: ['Together', 'xAI', 'DeepSeek', 'OpenRouter', 'Nebius', 'Cohere', 'Fireworks', 'HuggingFace', 'Cerebras', 'Nvidia', 'Perplexity', 'LiteLLM'], vendor: 'other' },
];

const frameworkShapes: CallShape[] = [
  {
    provider: 'llamaindex', api: 'LLM.complete', operation: 'chat',
    python: ['llama_index.**.{OpenAI,Anthropic,Gemini,GoogleGenAI,Ollama,MistralAI,Groq,Bedrock,BedrockConverse,AzureOpenAI,OpenAILike,LiteLLM,HuggingFaceLLM,Vertex,Cohere}().{complete,acomplete,chat,achat,stream_complete,stream_chat,astream_complete,astream_chat,predict,apredict,structured_predict}'],
    ts: ['{llamaindex,@llamaindex/openai,@llamaindex/anthropic,@llamaindex/ollama}.**.{OpenAI,Anthropic,Ollama,Gemini}().{complete,chat}'],
    model: ['ctor.kw:model', 'ctor.kw:model_name', 'ctor.obj:0.model'],
    prompts: [{ slot: 'arg:0', shape: 'messages' }],
  },
  {
    provider: 'llamaindex', api: 'LLM', operation: 'chat', construct: true, indirect: true,
    python: ['llama_index.llms.**.{OpenAI,Anthropic,Gemini,GoogleGenAI,Ollama,MistralAI,Groq,Bedrock,BedrockConverse,AzureOpenAI,OpenAILike,LiteLLM,HuggingFaceLLM,Vertex,Cohere}'],
    ts: ['{@llamaindex/openai,@llamaindex/anthropic,@llamaindex/ollama}.**.{OpenAI,Anthropic,Ollama,Gemini}'],
    model: ['kw:model', 'kw:model_name', 'obj:0.model'],
  },
  {
    provider: 'llamaindex', api: 'query_engine.query', operation: 'agent', indirect: true,
    python: ['llama_index.**.{VectorStoreIndex,SummaryIndex,PropertyGraphIndex,KnowledgeGraphIndex}.**.{as_query_engine,as_chat_engine}().{query,aquery,chat,achat,stream_chat,astream_chat}'],
  },
  // one row per function so that `api` names the function called (streaming vs structured output)
  ...['generateText', 'streamText', 'generateObject', 'streamObject'].map((api): CallShape => ({
    provider: 'vercel-ai', api, operation: 'chat',
    ts: [`ai.${api}`],
    model: ['obj:0.model'],
    prompts: [{ slot: 'obj:0.system', shape: 'text', role: 'system' }, { slot: 'obj:0.prompt', shape: 'text', role: 'user' }, { slot: 'obj:0.messages', shape: 'messages' }],
    tools: ['obj:0.tools'],
  })),
  {
    provider: 'vercel-ai', api: 'embed', operation: 'embedding',
    ts: ['ai.{embed,embedMany}'],
    model: ['obj:0.model'],
  },
  {
    provider: 'vercel-ai', api: 'Agent.generate', operation: 'agent', indirect: true,
    ts: ['ai.{Experimental_Agent,ToolLoopAgent,Agent}().{generate,stream}'],
    model: ['ctor.obj:0.model'],
    prompts: [{ slot: 'ctor.obj:0.system', shape: 'text', role: 'system' }, { slot: 'ctor.obj:0.instructions', shape: 'text', role: 'instructions' }],
    tools: ['ctor.obj:0.tools'],
  },
  {
    provider: 'openai-agents', api: 'Runner.run', operation: 'agent', indirect: true,
    python: ['agents.Runner.{run,run_sync,run_streamed}'],
    ts: ['@openai/agents.{run}', '@openai/agents.Runner().run'],
    model: ['argctor:0.kw:model', 'argctor:0.obj:0.model', 'argctor:1.obj:0.model'],
    tools: ['argctor:0.kw:tools', 'argctor:0.obj:0.tools', 'argctor:1.obj:0.tools'],
  },
  {
    provider: 'openai-agents', api: 'Agent', operation: 'agent', construct: true, indirect: true,
    python: ['agents.Agent'],
    ts: ['@openai/agents.Agent'],
    model: ['kw:model', 'obj:0.model'],
    prompts: [{ slot: 'kw:instructions', shape: 'text', role: 'instructions' }, { slot: 'obj:0.instructions', shape: 'text', role: 'instructions' }],
    tools: ['kw:tools', 'obj:0.tools'],
  },
  {
    provider: 'crewai', api: 'Crew.kickoff', operation: 'agent', indirect: true,
    // `.crew().kickoff()` is the @CrewBase chain: distinctive enough without the crewai import (the class lives in a project module).
    python: ['crewai.Crew().{kickoff,kickoff_async,kickoff_for_each,kickoff_for_each_async}', 'crewai.**.Crew().{kickoff,kickoff_async}', '**.crew().{kickoff,kickoff_async}'],
    heuristic: { python: ['?.crew().{kickoff,kickoff_async}', '?.{kickoff,kickoff_async}'], requiresImport: ['crewai'] },
  },
  {
    provider: 'crewai', api: 'Agent', operation: 'agent', construct: true, indirect: true,
    python: ['crewai.Agent'],
    model: ['kw:llm'], providerPrefix: true,
    prompts: [{ slot: 'kw:backstory', shape: 'text', role: 'system' }, { slot: 'kw:goal', shape: 'text', role: 'system' }],
    tools: ['kw:tools'],
  },
  {
    provider: 'pydantic-ai', api: 'Agent.run', operation: 'agent', indirect: true,
    python: ['pydantic_ai.Agent().{run,run_sync,run_stream,iter}'],
    model: ['ctor.arg:0', 'ctor.kw:model'], providerPrefix: true,
    prompts: [{ slot: 'ctor.kw:system_prompt', shape: 'text', role: 'system' }, { slot: 'ctor.kw:instructions', shape: 'text', role: 'instructions' }],
    tools: ['ctor.kw:tools'],
  },
  {
    provider: 'langgraph', api: 'graph.invoke', operation: 'agent', indirect: true,
    python: ['langgraph.**.StateGraph().compile().{invoke,ainvoke,stream,astream,astream_events}', 'langgraph.prebuilt.create_react_agent().{invoke,ainvoke,stream,astream}', 'langchain.agents.create_agent().{invoke,ainvoke,stream,astream}'],
    ts: ['@langchain/langgraph.**.StateGraph().compile().{invoke,stream,streamEvents}', '@langchain/langgraph/prebuilt.createReactAgent().{invoke,stream}', 'langchain.createAgent().{invoke,stream}'],
    model: ['ctor.arg:0', 'ctor.kw:model', 'ctor.obj:0.llm', 'ctor.obj:0.model'], providerPrefix: true,
    tools: ['ctor.arg:1', 'ctor.kw:tools', 'ctor.obj:0.tools'],
  },
  {
    provider: 'langchain', api: 'AgentExecutor.invoke', operation: 'agent', indirect: true,
    python: ['langchain.agents.AgentExecutor().{invoke,ainvoke,run,arun,stream,astream}'],
    ts: ['langchain/agents.AgentExecutor().{invoke,stream}'],
    tools: ['ctor.kw:tools', 'ctor.obj:0.tools'],
  },
  // agno (formerly phidata): `Agent(model=OpenAIChat(id=…)).run(…)`; the model is a nested construction read through its `id`.
  {
    provider: 'agno', api: 'Agent.run', operation: 'agent', indirect: true,
    python: [`${AGNO_MODULES}.**.{Agent,Team,Assistant}().{run,arun,print_response,aprint_response,cli_app,acli_app}`],
    model: ['ctor.kw:model', 'ctor.kw:llm'],
    prompts: [{ slot: 'ctor.kw:instructions', shape: 'text', role: 'instructions' }, { slot: 'ctor.kw:description', shape: 'text', role: 'system' }, { slot: 'ctor.kw:system_message', shape: 'text', role: 'system' }],
    tools: ['ctor.kw:tools'],
  },
  {
    provider: 'agno', api: 'Agent', operation: 'agent', construct: true, indirect: true,
    python: [`${AGNO_MODULES}.**.{Agent,Team,Assistant}`],
    model: ['kw:model', 'kw:llm'],
    prompts: [{ slot: 'kw:instructions', shape: 'text', role: 'instructions' }, { slot: 'kw:description', shape: 'text', role: 'system' }, { slot: 'kw:system_message', shape: 'text', role: 'system' }],
    tools: ['kw:tools'],
  },
  ...agnoModels.map(({ classes, vendor }): CallShape => ({
    provider: 'agno', api: `models.${classes[0]}`, operation: 'chat', construct: true, indirect: true, modelProvider: vendor,
    python: [`${AGNO_MODULES}.{models,model,llm}.**.{${classes.join(',')}}`],
    model: ['kw:id', 'kw:model', 'arg:0'],
  })),
  // Google ADK: `LlmAgent(model="gemini-…")` run by a `Runner(agent=…)`; `LiteLlm(model="openai/…")` routes other vendors.
  {
    provider: 'google-adk', api: 'Runner.run', operation: 'agent', indirect: true,
    python: ['google.adk.**.{Runner,InMemoryRunner}().{run,run_async,run_live}'],
    model: ['ctor.kw:agent', 'ctor.arg:0'], providerPrefix: true,
  },
  {
    provider: 'google-adk', api: 'LlmAgent', operation: 'agent', construct: true, indirect: true, modelProvider: 'google',
    python: ['google.adk.**.{Agent,LlmAgent}'],
    model: ['kw:model'], providerPrefix: true,
    prompts: [{ slot: 'kw:instruction', shape: 'text', role: 'instructions' }, { slot: 'kw:global_instruction', shape: 'text', role: 'system' }],
    tools: ['kw:tools'],
  },
  {
    provider: 'google-adk', api: 'LiteLlm', operation: 'chat', construct: true, indirect: true,
    python: ['google.adk.models.**.LiteLlm'],
    model: ['kw:model'], providerPrefix: true,
  },
  // AutoGen / AG2: `ConversableAgent(llm_config=…).initiate_chat(…)`; AgentChat's `AssistantAgent(model_client=OpenAIChatCompletionClient(model=…)).run(…)`.
  {
    provider: 'autogen', api: 'ConversableAgent.initiate_chat', operation: 'agent', indirect: true,
    python: [`${AUTOGEN_AGENTS}().{initiate_chat,a_initiate_chat,generate_reply,a_generate_reply,run,run_stream,on_messages}`],
    heuristic: { python: ['?.{initiate_chat,a_initiate_chat,generate_reply,a_generate_reply}'], requiresImport: ['autogen', 'ag2', 'autogen_agentchat'] },
    model: ['ctor.kw:model_client'],
    prompts: [{ slot: 'ctor.kw:system_message', shape: 'text', role: 'system' }],
    tools: ['ctor.kw:tools'],
  },
  {
    provider: 'autogen', api: 'ConversableAgent', operation: 'agent', construct: true, indirect: true,
    python: [AUTOGEN_AGENTS],
    model: ['kw:model_client'],
    prompts: [{ slot: 'kw:system_message', shape: 'text', role: 'system' }],
    tools: ['kw:tools'],
  },
  {
    provider: 'autogen', api: 'ChatCompletionClient', operation: 'chat', construct: true, indirect: true,
    python: ['autogen_ext.models.**.{OpenAIChatCompletionClient,AzureOpenAIChatCompletionClient,AnthropicChatCompletionClient,OllamaChatCompletionClient}'],
    model: ['kw:model', 'kw:azure_deployment'], providerPrefix: true,
  },
  {
    provider: 'dspy', api: 'dspy.LM', operation: 'chat', construct: true, indirect: true,
    python: ['dspy.LM', 'dspy.OpenAI'],
    model: ['arg:0', 'kw:model'], providerPrefix: true,
  },
];

export const callShapes: readonly CallShape[] = [
  ...openaiShapes,
  ...anthropicShapes,
  ...googleShapes,
  ...otherSdkShapes,
  ...langchainShapes(),
  ...frameworkShapes,
];

/**
 * Methods that return the same client/model with other settings; front-ends
 * drop them from origin paths so `client.with_options(timeout=5).chat.completions.create`
 * resolves like `client.chat.completions.create`. Tool-binding methods are kept
 * in the raw chain so the tools can still be read.
 */
export const passthroughMethods: readonly string[] = [
  'with_options', 'with_raw_response', 'with_streaming_response', 'withOptions',
  'bind', 'bind_tools', 'bindTools', 'with_structured_output', 'withStructuredOutput',
  'with_retry', 'withRetry', 'with_config', 'withConfig', 'with_fallbacks', 'withFallbacks',
  'configurable_fields', 'configurable_alternatives', 'beta',
];

/** Vercel AI SDK provider factories: `openai('gpt-4o')` as `model:`. Module → provider. */
export const vercelProviderModules: Readonly<Record<string, string>> = {
  '@ai-sdk/openai': 'openai',
  '@ai-sdk/azure': 'openai',
  '@ai-sdk/anthropic': 'anthropic',
  '@ai-sdk/google': 'google',
  '@ai-sdk/google-vertex': 'google',
  '@ai-sdk/mistral': 'mistral',
  '@ai-sdk/cohere': 'cohere',
  '@ai-sdk/amazon-bedrock': 'bedrock',
  '@ai-sdk/groq': 'groq',
  '@ai-sdk/xai': 'xai',
  '@ai-sdk/deepseek': 'deepseek',
  '@ai-sdk/togetherai': 'together',
  '@ai-sdk/fireworks': 'fireworks',
  '@ai-sdk/perplexity': 'perplexity',
  '@openrouter/ai-sdk-provider': 'openrouter',
  'ollama-ai-provider': 'ollama',
  'ollama-ai-provider-v2': 'ollama',
};

export function shapesFor(language: 'python' | 'ts'): CallShape[] {
  return callShapes.filter((shape) => shape[language] !== undefined || shape.heuristic?.[language] !== undefined);
}
