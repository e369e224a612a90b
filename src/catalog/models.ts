import * as openAiModels from 'gpt-tokenizer/models.gen';

export interface ModelInfo {
  /** false for a moving alias, true for a pinned snapshot, null when the catalog does not know the id. */
  pinned: boolean | null;
  /** The snapshot an alias points at today, when the catalog knows it. */
  snapshot: string | null;
  source: string;
}

const openAiSpecs = openAiModels as unknown as Record<string, { name?: string } | undefined>;
const GPT_TOKENIZER = 'gpt-tokenizer 4.0.0 model catalog (scraped from OpenAI docs, 2026-08-15)';
const ANTHROPIC_MODELS = 'platform.claude.com/docs/en/about-claude/models/overview, via shared/reference/catalog-facts.md (retrieved 2026-07-22)';
const GEMINI_MODELS = 'ai.google.dev/gemini-api/docs/models, via shared/reference/catalog-facts.md (retrieved 2026-07-22)';

/** Anthropic: dated ids are pinned; from the 4.6 generation on, undated ids are pinned too. */
function anthropicInfo(id: string): ModelInfo {
  if (id.endsWith('-latest')) return { pinned: false, snapshot: null, source: ANTHROPIC_MODELS };
  if (/-\d{8}(-v\d+:\d+)?$/.test(id)) return { pinned: true, snapshot: id, source: ANTHROPIC_MODELS };
  const generation = /claude-(?:[a-z]+-)?(\d+)(?:[-.](\d+))?/.exec(id);
  if (!generation) return { pinned: null, snapshot: null, source: ANTHROPIC_MODELS };
  const major = Number(generation[1]);
  const minor = Number(generation[2] ?? 0);
  const pinned = major > 4 || (major === 4 && minor >= 6);
  return { pinned, snapshot: pinned ? id : null, source: ANTHROPIC_MODELS };
}

/**
 * What the catalog knows of a model id: whether it floats and what it points at.
 * `provider/` and `provider:` prefixes (LiteLLM, init_chat_model, AI SDK strings) are read through.
 */
export function modelInfo(rawId: string): ModelInfo {
  const id = rawId.replace(/^(openai|azure|anthropic|google|gemini|vertex_ai|ollama|bedrock|groq|mistral)[/:]/, '');
  if (/^(gpt-|o\d|chatgpt-|text-embedding|davinci|babbage|whisper|tts-|dall-e|omni-moderation)/.test(id)) {
    if (id.endsWith('-latest')) return { pinned: false, snapshot: null, source: GPT_TOKENIZER };
    const spec = openAiSpecs[id];
    if (!spec?.name) return { pinned: /-\d{4}-\d{2}-\d{2}$|-\d{4}$/.test(id) ? true : null, snapshot: null, source: GPT_TOKENIZER };
    return spec.name === id ? { pinned: true, snapshot: id, source: GPT_TOKENIZER } : { pinned: false, snapshot: spec.name, source: GPT_TOKENIZER };
  }
  if (/^(anthropic\.)?claude-/.test(id)) return anthropicInfo(id.replace(/^anthropic\./, ''));
  if (id.startsWith('gemini-')) return { pinned: !/latest/.test(id), snapshot: null, source: GEMINI_MODELS };
  if (/^[\w.-]+:latest$/.test(id)) return { pinned: false, snapshot: null, source: 'Ollama tags: `:latest` moves' };
  return { pinned: null, snapshot: null, source: 'not in the catalog' };
}
