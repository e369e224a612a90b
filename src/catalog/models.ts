import * as openAiModels from 'gpt-tokenizer/models.gen';
import { mistralAliases, modelLifecycle, type LifecycleRow } from './data/model-lifecycle';

/** A model's lifecycle once its provider has announced its end. */
export interface ModelLifecycle {
  /** `retired` once the shutdown date has passed (calls fail), `deprecated` before. */
  status: 'deprecated' | 'retired';
  shutdown: string | null;
  /** The provider gave `shutdown` as the earliest possible date (Google). */
  earliestPossible: boolean;
  replacement: string | null;
  source: string;
  retrievedAt: string;
}

export interface ModelInfo {
  /** false for a moving alias, true for a pinned snapshot, null when the catalog does not know the id. */
  pinned: boolean | null;
  /** The snapshot an alias points at today, when the catalog knows it. */
  snapshot: string | null;
  /** Why the id floats, for messages: an undated alias, a `-latest` id, or an untagged Ollama model (`:latest`). */
  floats: 'alias' | 'latest' | 'ollama-untagged' | null;
  source: string;
  /** When the source was read (YYYY-MM-DD); null when the catalog does not know the id. */
  retrievedAt: string | null;
  lifecycle: ModelLifecycle | null;
}

export type ModelStatus = 'active' | 'deprecated' | 'retired' | 'unknown';

/** One entry of `.genai-debt.json` `catalog.models`: overrides or extends the built-in rows for an id. */
export interface ModelOverride {
  pinned?: boolean;
  snapshot?: string;
  status?: 'active' | 'deprecated' | 'retired';
  shutdown?: string;
  replacement?: string;
}

export interface CatalogOverrides {
  models: Record<string, ModelOverride>;
}

const openAiSpecs = openAiModels as unknown as Record<string, { name?: string } | undefined>;
const GPT_TOKENIZER = { source: 'gpt-tokenizer 4.0.0 model catalog (scraped from OpenAI docs)', retrievedAt: '2026-08-15' };
const ANTHROPIC_MODELS = { source: 'platform.claude.com/docs/en/about-claude/models/overview', retrievedAt: '2026-07-22' };
const GEMINI_MODELS = { source: 'ai.google.dev/gemini-api/docs/models', retrievedAt: '2026-07-22' };
const OLLAMA_TAGS = { source: 'Ollama: a model without a tag means `:latest`, which moves', retrievedAt: '2026-11-25' };
const CONFIG_SOURCE = '.genai-debt.json `catalog`';
const UNKNOWN = { pinned: null, snapshot: null, floats: null, source: 'not in the catalog', retrievedAt: null } as const;

/** Provider prefixes of LiteLLM, init_chat_model and AI SDK strings. */
const PROVIDER_PREFIX = /^(openai|azure|anthropic|google|gemini|vertex_ai|ollama|bedrock|groq|mistral)[/:]/;
/** Platforms that resell models on their own deprecation schedule: the providers' dates do not apply. */
const OWN_SCHEDULE = new Set(['azure', 'vertex_ai', 'bedrock', 'groq']);

type Pinning = Omit<ModelInfo, 'lifecycle'>;

/** Anthropic: dated ids are pinned; from the 4.6 generation on, undated ids are pinned too. */
function anthropicPinning(id: string): Pinning {
  if (id.endsWith('-latest')) return { pinned: false, snapshot: null, floats: 'latest', ...ANTHROPIC_MODELS };
  if (/-\d{8}(-v\d+:\d+)?$/.test(id)) return { pinned: true, snapshot: id, floats: null, ...ANTHROPIC_MODELS };
  const generation = /claude-(?:[a-z]+-)?(\d+)(?:[-.](\d+))?/.exec(id);
  if (!generation) return { ...UNKNOWN };
  const major = Number(generation[1]);
  const minor = Number(generation[2] ?? 0);
  const pinned = major > 4 || (major === 4 && minor >= 6);
  return { pinned, snapshot: pinned ? id : null, floats: pinned ? null : 'alias', ...ANTHROPIC_MODELS };
}

function openAiPinning(id: string): Pinning {
  if (id.endsWith('-latest')) return { pinned: false, snapshot: null, floats: 'latest', ...GPT_TOKENIZER };
  const spec = openAiSpecs[id];
  if (!spec?.name) return /-\d{4}-\d{2}-\d{2}$|-\d{4}$/.test(id) ? { pinned: true, snapshot: id, floats: null, ...GPT_TOKENIZER } : { ...UNKNOWN };
  return spec.name === id ? { pinned: true, snapshot: id, floats: null, ...GPT_TOKENIZER } : { pinned: false, snapshot: spec.name, floats: 'alias', ...GPT_TOKENIZER };
}

/** Ollama names: `llama3` (= `llama3:latest`), `llama3:latest`, `llama3.1:8b`, `user/model:tag`. */
function ollamaPinning(id: string): Pinning {
  const tag = /:([\w.-]+)$/.exec(id)?.[1];
  if (tag === undefined) return { pinned: false, snapshot: null, floats: 'ollama-untagged', ...OLLAMA_TAGS };
  if (tag === 'latest') return { pinned: false, snapshot: null, floats: 'latest', ...OLLAMA_TAGS };
  return { ...UNKNOWN };
}

function pinningOf(id: string, ollama: boolean): Pinning {
  if (ollama) return ollamaPinning(id);
  if (/^(gpt-|o\d|chatgpt-|text-embedding|davinci|babbage|whisper|tts-|dall-e|omni-moderation|computer-use|sora-)/.test(id)) return openAiPinning(id);
  if (/^(anthropic\.)?claude-/.test(id)) return anthropicPinning(id.replace(/^anthropic\./, ''));
  if (/^(models\/)?gemini-/.test(id)) return /latest/.test(id) ? { pinned: false, snapshot: null, floats: 'latest', ...GEMINI_MODELS } : { pinned: true, snapshot: null, floats: null, ...GEMINI_MODELS };
  const mistral = mistralAliases[id];
  if (mistral) return { pinned: false, snapshot: mistral.snapshot, floats: 'latest', source: mistral.source, retrievedAt: mistral.retrievedAt };
  if (/^[\w.-]+:latest$/.test(id)) return { pinned: false, snapshot: null, floats: 'latest', ...OLLAMA_TAGS };
  return { ...UNKNOWN };
}

function lifecycleOf(row: Pick<LifecycleRow, 'shutdown' | 'replacement' | 'source' | 'retrievedAt'> & { earliestPossible?: boolean }, today: string, status?: 'deprecated' | 'retired'): ModelLifecycle {
  return {
    status: status ?? (row.shutdown !== null && row.shutdown <= today ? 'retired' : 'deprecated'),
    shutdown: row.shutdown,
    earliestPossible: row.earliestPossible ?? false,
    replacement: row.replacement,
    source: row.source,
    retrievedAt: row.retrievedAt,
  };
}

export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * What the catalog knows of model ids: whether they float, what they point at,
 * and whether their provider deprecated or retired them. Built-in rows can be
 * overridden and extended from the config.
 */
export class ModelCatalog {
  private readonly lifecycles = new Map<string, LifecycleRow>();

  constructor(private readonly overrides: CatalogOverrides = { models: {} }, private readonly today: string = isoToday()) {
    for (const row of modelLifecycle) for (const id of row.ids) this.lifecycles.set(id, row);
  }

  /**
   * `provider/` and `provider:` prefixes (LiteLLM, init_chat_model, AI SDK strings) are read through;
   * `provider` (the ModelRef's) says when a bare name is an Ollama model.
   */
  info(rawId: string, provider: string | null = null): ModelInfo {
    const prefix = PROVIDER_PREFIX.exec(rawId)?.[1] ?? null;
    const id = rawId.slice(prefix ? prefix.length + 1 : 0);
    const override = this.overrides.models[rawId] ?? this.overrides.models[id];
    const base = pinningOf(id, prefix === 'ollama' || (prefix === null && provider === 'ollama'));
    const pinning: Pinning = override && (override.pinned !== undefined || override.snapshot !== undefined)
      ? { ...base, pinned: override.pinned ?? base.pinned, snapshot: override.snapshot ?? base.snapshot, floats: override.pinned === false ? base.floats ?? 'alias' : override.pinned === true ? null : base.floats, source: CONFIG_SOURCE, retrievedAt: this.today }
      : base;
    return { ...pinning, lifecycle: this.lifecycle(id, prefix, provider, override) };
  }

  status(rawId: string, provider: string | null = null): ModelStatus {
    const info = this.info(rawId, provider);
    if (info.lifecycle) return info.lifecycle.status;
    return info.pinned === null ? 'unknown' : 'active';
  }

  private lifecycle(id: string, prefix: string | null, provider: string | null, override: ModelOverride | undefined): ModelLifecycle | null {
    if (override && (override.status !== undefined || override.shutdown !== undefined || override.replacement !== undefined)) {
      if (override.status === 'active') return null;
      const row = { shutdown: override.shutdown ?? null, replacement: override.replacement ?? null, source: CONFIG_SOURCE, retrievedAt: this.today };
      return lifecycleOf(row, this.today, override.status);
    }
    if ((prefix && OWN_SCHEDULE.has(prefix)) || (provider && OWN_SCHEDULE.has(provider))) return null;
    const row = this.lifecycles.get(id.replace(/^models\//, ''));
    return row ? lifecycleOf(row, this.today) : null;
  }
}

/** The built-in catalog, dated today. */
export const defaultCatalog = new ModelCatalog();

export function modelInfo(rawId: string, provider: string | null = null): ModelInfo {
  return defaultCatalog.info(rawId, provider);
}
