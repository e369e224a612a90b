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
  if (bare && cl100kModels.has(bare)) return { tokens: countCl100k(text), encoding: 'cl100k_base', estimated: false };
  return { tokens: countO200k(text), encoding: 'o200k_base', estimated: bare === null || !isOpenAiModel(bare) };
}
