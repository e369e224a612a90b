import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { cl100k_base as cl100kModelIds } from 'gpt-tokenizer/modelsMap';

export interface TokenCount {
  tokens: number;
  encoding: 'o200k_base' | 'cl100k_base';
  /** True when the model has no public tokenizer (Claude, Gemini, …) and o200k_base stands in for it. */
  estimated: boolean;
}

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
  const tokens = encoding === 'cl100k_base' ? countCl100k(text) : countO200k(text);
  cache.set(text, tokens);
  return tokens;
}
