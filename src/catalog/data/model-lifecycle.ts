/**
 * Model deprecations and shutdowns, by provider, as the sources said on the
 * date each row was retrieved. Providers move dates and replacements, so every
 * row names its source and retrieval date, messages quote the date, and users
 * override rows in `.genai-debt.json` (`"catalog": {"models": {…}}`).
 *
 * A row whose `shutdown` has passed is retired (calls fail); any other row is
 * deprecated (announced). Rows marked [unverified] in the research notes are
 * left out until a source is found.
 */
export interface LifecycleRow {
  provider: 'openai' | 'anthropic' | 'google' | 'mistral';
  /** Exact model ids (aliases and snapshots) the row covers. */
  ids: readonly string[];
  /** When the deprecation was announced, if the source says. */
  announced: string | null;
  /** Shutdown (retirement) date, YYYY-MM-DD; null when none is set yet. */
  shutdown: string | null;
  /** Google lists shutdowns as the earliest possible date, not a fixed one. */
  earliestPossible?: boolean;
  /** The documented replacement model id, if the provider names one. */
  replacement: string | null;
  source: string;
  retrievedAt: string;
}

const OPENAI_DEPRECATIONS = 'developers.openai.com/api/docs/deprecations';
const OPENAI_DEVTO = 'dev.to/importstatic "Every OpenAI model shutdown date until January 2027" and dev.to/max_bob, summarising developers.openai.com/api/docs/deprecations';
const ANTHROPIC_DEPRECATIONS = 'platform.claude.com/docs/en/about-claude/model-deprecations';
const GEMINI_DEPRECATIONS = 'ai.google.dev/gemini-api/docs/deprecations';
const MISTRAL_MODELS = 'docs.mistral.ai models overview (Legacy/Deprecated section), via braintrustdata/braintrust-proxy issue #1005';

export const modelLifecycle: readonly LifecycleRow[] = [
  // OpenAI
  { provider: 'openai', ids: ['gpt-3.5-turbo-0613', 'gpt-3.5-turbo-16k-0613'], announced: null, shutdown: '2024-06-13', replacement: 'gpt-3.5-turbo-1106', source: `${OPENAI_DEPRECATIONS} (translation at developer.aliyun.com/article/1512953)`, retrievedAt: '2026-07-22' },
  { provider: 'openai', ids: ['chatgpt-4o-latest'], announced: null, shutdown: '2026-02-17', replacement: 'gpt-5.2', source: 'CometAPI notice relaying the OpenAI schedule (orgs/cometapi-dev discussion #71)', retrievedAt: '2026-07-22' },
  {
    provider: 'openai',
    ids: ['computer-use-preview', 'computer-use-preview-2025-03-11', 'o3-deep-research', 'o3-deep-research-2025-06-26', 'o4-mini-deep-research', 'o4-mini-deep-research-2025-06-26', 'gpt-5-chat-latest', 'gpt-5-codex', 'gpt-5.1-chat-latest', 'gpt-5.1-codex', 'gpt-5.1-codex-max', 'gpt-5.1-codex-mini', 'gpt-5.2-codex', 'gpt-4o-search-preview-2025-03-11', 'gpt-4o-mini-search-preview-2025-03-11', 'gpt-4o-mini-tts-2025-03-20', 'gpt-realtime-mini-2025-10-06'],
    announced: null, shutdown: '2026-07-23', replacement: 'gpt-5.5', source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22',
  },
  { provider: 'openai', ids: ['gpt-5.2-chat-latest', 'gpt-5.3-chat-latest'], announced: null, shutdown: '2026-08-10', replacement: 'gpt-5.5', source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'openai', ids: ['sora-2', 'sora-2-pro', 'sora-2-2025-10-06', 'sora-2-2025-12-08', 'sora-2-pro-2025-10-06'], announced: null, shutdown: '2026-09-24', replacement: null, source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'openai', ids: ['gpt-3.5-turbo', 'gpt-3.5-turbo-0125', 'o4-mini', 'o4-mini-2025-04-16'], announced: null, shutdown: '2026-10-23', replacement: 'gpt-5.6-terra', source: OPENAI_DEVTO, retrievedAt: '2026-10-15' },
  {
    provider: 'openai',
    ids: ['gpt-4', 'gpt-4-0613', 'gpt-4-1106-preview', 'gpt-4-turbo', 'gpt-4-turbo-2024-04-09', 'gpt-4o-2024-05-13', 'o1', 'o1-2024-12-17', 'o3-mini', 'o3-mini-2025-01-31', 'o1-pro', 'o1-pro-2025-03-19'],
    announced: null, shutdown: '2026-10-23', replacement: 'gpt-5.6-sol', source: OPENAI_DEVTO, retrievedAt: '2026-10-15',
  },
  { provider: 'openai', ids: ['gpt-4.1-nano', 'gpt-4.1-nano-2025-04-14'], announced: null, shutdown: '2026-10-23', replacement: 'gpt-5.4-nano', source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'openai', ids: ['gpt-image-1'], announced: null, shutdown: '2026-10-23', replacement: 'gpt-image-2', source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'openai', ids: ['gpt-image-1-mini', 'gpt-image-1.5', 'gpt-image-1.5-2025-12-16', 'chatgpt-image-latest'], announced: null, shutdown: '2026-12-01', replacement: 'gpt-image-2', source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'openai', ids: ['gpt-5', 'gpt-5-2025-08-07', 'gpt-5-mini', 'gpt-5-mini-2025-08-07', 'o3', 'o3-2025-04-16', 'o3-pro', 'o3-pro-2025-06-10', 'gpt-5-pro', 'gpt-5-pro-2025-10-06'], announced: '2026-06-11', shutdown: '2026-12-11', replacement: 'gpt-5.6-sol', source: 'dev.to/aideprecations, developers.openai.com/api/docs/deprecations', retrievedAt: '2026-10-27' },
  { provider: 'openai', ids: ['gpt-5-nano', 'gpt-5-nano-2025-08-07'], announced: '2026-06-11', shutdown: '2026-12-11', replacement: 'gpt-5.6-luna', source: 'dev.to/aideprecations, developers.openai.com/api/docs/deprecations', retrievedAt: '2026-10-27' },
  {
    provider: 'openai',
    ids: ['gpt-4o', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20', 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'gpt-4.1', 'gpt-4.1-2025-04-14', 'gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14'],
    announced: '2026-10-14', shutdown: '2027-01-14', replacement: 'gpt-6-luna', source: OPENAI_DEVTO, retrievedAt: '2026-10-15',
  },
  {
    provider: 'openai',
    ids: ['gpt-realtime', 'gpt-realtime-2025-08-28', 'gpt-audio', 'gpt-audio-2025-08-28', 'gpt-4o-audio-preview', 'gpt-4o-audio-preview-2025-06-03', 'gpt-4o-audio-preview-2024-12-17', 'gpt-4o-audio-preview-2024-10-01', 'gpt-4o-realtime-preview', 'gpt-4o-realtime-preview-2025-06-03', 'gpt-4o-realtime-preview-2024-12-17', 'gpt-4o-realtime-preview-2024-10-01', 'gpt-4o-mini-transcribe-2025-03-20'],
    announced: null, shutdown: '2027-01-20', replacement: 'gpt-realtime-2.1', source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22',
  },
  {
    provider: 'openai',
    ids: ['gpt-realtime-mini', 'gpt-realtime-mini-2025-12-15', 'gpt-audio-mini', 'gpt-audio-mini-2025-10-06', 'gpt-audio-mini-2025-12-15', 'gpt-4o-mini-realtime-preview', 'gpt-4o-mini-realtime-preview-2024-12-17', 'gpt-4o-mini-audio-preview', 'gpt-4o-mini-audio-preview-2024-12-17'],
    announced: null, shutdown: '2027-01-20', replacement: 'gpt-realtime-2.1-mini', source: OPENAI_DEPRECATIONS, retrievedAt: '2026-07-22',
  },
  { provider: 'openai', ids: ['gpt-5.1', 'gpt-5.1-2025-11-13'], announced: null, shutdown: '2027-04-01', replacement: null, source: 'dev.to/max_bob, summarising developers.openai.com/api/docs/deprecations', retrievedAt: '2026-10-27' },

  // Anthropic (Claude API; Bedrock and Vertex set their own dates)
  { provider: 'anthropic', ids: ['claude-1.0', 'claude-1.1', 'claude-1.2', 'claude-1.3', 'claude-instant-1.0', 'claude-instant-1.1', 'claude-instant-1.2'], announced: '2024-09-04', shutdown: '2024-11-06', replacement: null, source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-2.0', 'claude-2.1', 'claude-3-sonnet-20240229'], announced: '2025-01-21', shutdown: '2025-07-21', replacement: null, source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-3-opus-20240229'], announced: '2025-06-30', shutdown: '2026-01-05', replacement: 'claude-opus-4-8', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-3-7-sonnet-20250219'], announced: '2025-10-28', shutdown: '2026-02-19', replacement: 'claude-sonnet-4-6', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-3-5-haiku-20241022'], announced: '2025-12-19', shutdown: '2026-02-19', replacement: 'claude-haiku-4-5-20251001', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-3-haiku-20240307'], announced: '2026-02-19', shutdown: '2026-04-20', replacement: 'claude-haiku-4-5-20251001', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-opus-4-20250514'], announced: '2026-04-14', shutdown: '2026-06-15', replacement: 'claude-opus-4-8', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-sonnet-4-20250514'], announced: '2026-04-14', shutdown: '2026-06-15', replacement: 'claude-sonnet-4-6', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-opus-4-1-20250805'], announced: '2026-06-05', shutdown: '2026-08-05', replacement: 'claude-opus-4-8', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'anthropic', ids: ['claude-mythos-preview'], announced: null, shutdown: '2026-07-21', replacement: 'claude-mythos-5', source: ANTHROPIC_DEPRECATIONS, retrievedAt: '2026-07-22' },

  // Google Gemini API (shutdown dates are the earliest possible ones)
  { provider: 'google', ids: ['gemini-2.5-pro'], announced: null, shutdown: '2026-10-16', earliestPossible: true, replacement: 'gemini-3.1-pro-preview', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.5-flash'], announced: null, shutdown: '2026-10-16', earliestPossible: true, replacement: 'gemini-3.6-flash', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.5-flash-lite'], announced: null, shutdown: '2026-10-16', earliestPossible: true, replacement: 'gemini-3.1-flash-lite', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.5-flash-image'], announced: null, shutdown: '2026-10-02', earliestPossible: true, replacement: 'gemini-3.1-flash-image', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.5-pro-preview-03-25', 'gemini-2.5-pro-preview-05-06', 'gemini-2.5-pro-preview-06-05'], announced: null, shutdown: '2025-12-02', earliestPossible: true, replacement: 'gemini-3-pro-preview', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.0-flash', 'gemini-2.0-flash-001'], announced: null, shutdown: '2026-06-01', replacement: 'gemini-3.6-flash', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.0-flash-lite', 'gemini-2.0-flash-lite-001'], announced: null, shutdown: '2026-06-01', replacement: 'gemini-3.1-flash-lite', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-3-pro-preview'], announced: null, shutdown: '2026-03-09', earliestPossible: true, replacement: 'gemini-3.1-pro-preview', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-3.1-flash-lite-preview'], announced: null, shutdown: '2026-05-25', earliestPossible: true, replacement: 'gemini-3.1-flash-lite', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-3.1-flash-image-preview'], announced: null, shutdown: '2026-06-25', earliestPossible: true, replacement: 'gemini-3.1-flash-image', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-3-pro-image-preview'], announced: null, shutdown: '2026-06-25', earliestPossible: true, replacement: 'gemini-3-pro-image', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.5-flash-lite-preview-09-2025'], announced: null, shutdown: '2026-03-31', earliestPossible: true, replacement: 'gemini-3.1-flash-lite', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.5-flash-preview-09-25', 'gemini-2.5-flash-preview-09-2025'], announced: null, shutdown: '2026-02-17', earliestPossible: true, replacement: 'gemini-3.6-flash', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-2.5-flash-image-preview'], announced: null, shutdown: '2026-01-15', earliestPossible: true, replacement: 'gemini-2.5-flash-image', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },
  { provider: 'google', ids: ['gemini-3.1-flash-lite'], announced: null, shutdown: '2027-05-07', earliestPossible: true, replacement: 'gemini-3.5-flash-lite', source: GEMINI_DEPRECATIONS, retrievedAt: '2026-07-22' },

  // Mistral
  { provider: 'mistral', ids: ['codestral-2501'], announced: '2025-11-06', shutdown: '2025-11-30', replacement: 'codestral-2508', source: MISTRAL_MODELS, retrievedAt: '2026-11-25' },
  { provider: 'mistral', ids: ['pixtral-12b-2409'], announced: '2025-12-02', shutdown: '2025-12-31', replacement: null, source: MISTRAL_MODELS, retrievedAt: '2026-11-25' },
];

/** Mistral `-latest` aliases whose target the sources name. */
export const mistralAliases: Readonly<Record<string, { snapshot: string; source: string; retrievedAt: string }>> = {
  'codestral-latest': { snapshot: 'codestral-2508', source: MISTRAL_MODELS, retrievedAt: '2026-11-25' },
};
