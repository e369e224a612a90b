import { cl100k_base as cl100kModelIds } from 'gpt-tokenizer/modelsMap';
import type { Prompt, TokenCount } from '../core/facts';

const cl100kModels = new Set<string>(cl100kModelIds);

function isOpenAiModel(model: string): boolean {
  return /^(gpt-|o\d|chatgpt-|text-|davinci|babbage)/.test(model);
}

/**
 * Counts a prompt's tokens in the encoding of the model that reads it. Models
 * without a public tokenizer are counted with o200k_base and labelled as an
 * estimate (Anthropic's newer tokenizer yields roughly 30% more tokens; see
 * shared/reference/catalog-facts.md, gpt-tokenizer caveats).
 */
export function countPromptTokens(text: string, model: string | null): TokenCount {
  const bare = model?.replace(/^(openai|azure)[/:]/, '') ?? null;
  if (bare && cl100kModels.has(bare)) return { tokens: counted('cl100k_base', text), encoding: 'cl100k_base', estimated: false };
  return { tokens: counted('o200k_base', text), encoding: 'o200k_base', estimated: bare === null || !isOpenAiModel(bare) };
}

/**
 * A prompt's count, computed once and kept on the fact. Phase 1 asks for every prompt, so
 * facts that come from a worker or a child process arrive counted and the extension host
 * never loads an encoding for them.
 */
export function promptTokenCount(prompt: Pick<Prompt, 'text' | 'model' | 'tokens'>): TokenCount {
  return prompt.tokens ??= countPromptTokens(prompt.text, prompt.model);
}

/**
 * Token counts remembered per encoding and text: the same prompt is counted by the JSON
 * inventory, GD101, GD103 and the editor's CodeLens, and again after every edit.
 */
const remembered = { o200k_base: new Map<string, number>(), cl100k_base: new Map<string, number>() };
const MAX_REMEMBERED = 20_000;

function counted(encoding: TokenCount['encoding'], text: string): number {
  const cache = remembered[encoding];
  const known = cache.get(text);
  if (known !== undefined) return known;
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  const tokens = encoder(encoding)(text);
  cache.set(text, tokens);
  return tokens;
}

type CountTokens = (text: string) => number;
const encoders: Partial<Record<TokenCount['encoding'], CountTokens>> = {};

/** Each encoding's tables take tens of MB once built: load one on its first use, not with the bundle. */
function encoder(encoding: TokenCount['encoding']): CountTokens {
  return encoders[encoding] ??= encoding === 'cl100k_base'
    ? (require('gpt-tokenizer/encoding/cl100k_base') as typeof import('gpt-tokenizer/encoding/cl100k_base')).countTokens
    : (require('gpt-tokenizer/encoding/o200k_base') as typeof import('gpt-tokenizer/encoding/o200k_base')).countTokens;
}
