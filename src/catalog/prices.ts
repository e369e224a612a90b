/**
 * Input prices in USD per 1M tokens (standard tier, short prompts), for the
 * cost figure of oversized prompts. gpt-tokenizer ships a price table too, but
 * it has been seen wrong (the same price for gpt-4o, gpt-4.1 and gpt-5; see
 * shared/reference/catalog-facts.md, "gpt-tokenizer caveats"), so prices come
 * from the providers' pricing pages. A model the table does not list has no
 * price: a row we could not source is left out rather than guessed.
 */
export interface PriceRow {
  /** Model ids billed at this price: aliases and the dated snapshots they serve. */
  ids: string[];
  inputPerMTok: number;
  source: string;
  /** When the source was read (ISO date). */
  retrievedAt: string;
}

/** The date the table was last checked as a whole; messages that show a cost say it. */
export const PRICES_AS_OF = '2026-11-25';

const OPENAI = 'developers.openai.com/api/docs/pricing, as transcribed by deploybase.ai/articles/openai-pricing ("data from OpenAI pricing page, March 2026") and chatgptpricing-akr.pages.dev/api-pricing; the two agree on every row kept';
const OPENAI_GPT5X = 'developers.openai.com/api/docs/pricing, via the 2026-07-22 compilation in shared/reference/catalog-facts.md; agrees with deploybase.ai (gpt-5.4) and docs.apiyi.com (gpt-5.5)';
const ANTHROPIC = 'platform.claude.com/docs/zh-CN/about-claude/pricing ("Base Input Tokens" column; stored copy listing Opus 4.6 as the newest model)';
const GOOGLE = 'ai.google.dev/gemini-api/docs/pricing (paid tier, prompts <= 200k tokens), as transcribed verbatim on 2026-09-20 in api-evangelist/gemini plans/gemini-plans-pricing.yml';

export const inputPrices: readonly PriceRow[] = [
  { ids: ['gpt-4o', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'], inputPerMTok: 2.5, source: OPENAI, retrievedAt: '2026-11-25' },
  { ids: ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'], inputPerMTok: 0.15, source: OPENAI, retrievedAt: '2026-11-25' },
  { ids: ['gpt-4.1', 'gpt-4.1-2025-04-14'], inputPerMTok: 2, source: OPENAI, retrievedAt: '2026-11-25' },
  { ids: ['gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14'], inputPerMTok: 0.4, source: OPENAI, retrievedAt: '2026-11-25' },
  { ids: ['gpt-5', 'gpt-5-2025-08-07'], inputPerMTok: 1.25, source: OPENAI, retrievedAt: '2026-11-25' },
  { ids: ['gpt-5-mini', 'gpt-5-mini-2025-08-07'], inputPerMTok: 0.25, source: OPENAI, retrievedAt: '2026-11-25' },
  { ids: ['o3', 'o3-2025-04-16'], inputPerMTok: 2, source: OPENAI, retrievedAt: '2026-11-25' },
  { ids: ['gpt-5.4', 'gpt-5.4-2026-03-05'], inputPerMTok: 2.5, source: OPENAI_GPT5X, retrievedAt: '2026-11-25' },
  { ids: ['gpt-5.4-mini', 'gpt-5.4-mini-2026-03-17'], inputPerMTok: 0.75, source: OPENAI_GPT5X, retrievedAt: '2026-11-25' },
  { ids: ['gpt-5.5', 'gpt-5.5-2026-04-23'], inputPerMTok: 5, source: OPENAI_GPT5X, retrievedAt: '2026-11-25' },
  { ids: ['claude-opus-4-6'], inputPerMTok: 5, source: ANTHROPIC, retrievedAt: '2026-11-25' },
  { ids: ['claude-opus-4-5', 'claude-opus-4-5-20251101'], inputPerMTok: 5, source: ANTHROPIC, retrievedAt: '2026-11-25' },
  { ids: ['claude-opus-4-1', 'claude-opus-4-1-20250805', 'claude-opus-4-0', 'claude-opus-4-20250514', 'claude-3-opus-20240229'], inputPerMTok: 15, source: ANTHROPIC, retrievedAt: '2026-11-25' },
  { ids: ['claude-sonnet-4-6', 'claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-0', 'claude-sonnet-4-20250514', 'claude-3-7-sonnet-20250219'], inputPerMTok: 3, source: ANTHROPIC, retrievedAt: '2026-11-25' },
  { ids: ['claude-haiku-4-5', 'claude-haiku-4-5-20251001'], inputPerMTok: 1, source: ANTHROPIC, retrievedAt: '2026-11-25' },
  { ids: ['claude-3-5-haiku-20241022'], inputPerMTok: 0.8, source: ANTHROPIC, retrievedAt: '2026-11-25' },
  { ids: ['claude-3-haiku-20240307'], inputPerMTok: 0.25, source: ANTHROPIC, retrievedAt: '2026-11-25' },
  { ids: ['gemini-3.5-flash'], inputPerMTok: 1.5, source: GOOGLE, retrievedAt: '2026-11-25' },
  { ids: ['gemini-3.1-pro-preview'], inputPerMTok: 2, source: GOOGLE, retrievedAt: '2026-11-25' },
  { ids: ['gemini-2.5-pro'], inputPerMTok: 1.25, source: GOOGLE, retrievedAt: '2026-11-25' },
  { ids: ['gemini-2.5-flash'], inputPerMTok: 0.3, source: GOOGLE, retrievedAt: '2026-11-25' },
];

const byId = new Map(inputPrices.flatMap((row) => row.ids.map((id) => [id, row] as const)));

/** The price row of a model id; `provider/` and `provider:` prefixes (LiteLLM, AI SDK strings) are read through. */
export function inputPriceOf(model: string | null): PriceRow | null {
  if (!model) return null;
  const bare = model.replace(/^(openai|azure|anthropic|google|gemini|vertex_ai|models)[/:]/, '');
  return byId.get(bare) ?? null;
}
