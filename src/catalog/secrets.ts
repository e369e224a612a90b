/**
 * Provider keys: what they look like, and what merely looks like one. Shared
 * by the redaction every output goes through (report/redact.ts) and by GD501
 * hardcoded-api-key, so a key the rule finds is always one the reports hide.
 */

export interface KeyPattern {
  provider: string;
  /** Global; group 1 is the prefix (kept by redaction), group 2 the secret part. */
  pattern: RegExp;
}

/** Provider keys with a recognisable prefix. Longer prefixes first: the first pattern that matches names the provider. */
export const PREFIXED_KEYS: readonly KeyPattern[] = [
  { provider: 'Anthropic', pattern: /\b(sk-ant-(?:api\d+-|admin\d+-)?)([A-Za-z0-9_-]{16,})/g },
  { provider: 'OpenAI', pattern: /\b(sk-(?:proj|svcacct|admin|None)-)([A-Za-z0-9_-]{16,})/g }, // project / service-account / admin keys
  { provider: 'OpenAI', pattern: /\b(sk-)([A-Za-z0-9_-]{16,})/g }, // legacy, and look-alikes (DeepSeek, Moonshot…)
  { provider: 'Google', pattern: /\b(AIza)([0-9A-Za-z_-]{20,})/g },
  { provider: 'Hugging Face', pattern: /\b(hf_)([A-Za-z0-9]{16,})/g },
  { provider: 'AWS', pattern: /\b((?:AKIA|ASIA)(?=[0-9A-Z]{16}\b))([0-9A-Z]{16})\b/g },
  { provider: 'Groq', pattern: /\b(gsk_)([A-Za-z0-9]{16,})/g },
  { provider: 'xAI', pattern: /\b(xai-)([A-Za-z0-9]{16,})/g },
  { provider: 'Perplexity', pattern: /\b(pplx-)([A-Za-z0-9]{16,})/g },
  { provider: 'Replicate', pattern: /\b(r8_)([A-Za-z0-9]{16,})/g },
  { provider: 'GitHub', pattern: /\b(ghp_|github_pat_)([A-Za-z0-9_]{16,})/g }, // often next to LLM keys in .env files
];

/** A value after `api_key=`, `token: `, `Authorization: Bearer` …: group 1 the lead, group 2 the value. */
export const ASSIGNED_SECRET = /((?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret(?:[_-]?key)?|password|passwd|token)["']?\s*[:=]\s*["']?|\bBearer\s+)([A-Za-z0-9._~+/=-]{12,})/gi;

/**
 * Keys without a prefix of their own (Cohere, Mistral, Together, …) are only
 * recognisable by the name they are given: `COHERE_API_KEY = "…"`, `api_key="…"`,
 * `apiKey: '…'`. Group 1 is the name, group 2 the quoted value. Names are
 * bounded so a long run of word characters (minified code) stays linear.
 */
export const NAMED_KEY = /\b((?:[A-Za-z_][A-Za-z0-9_-]{0,40}?)?(?:api[_-]?key|apikey|api[_-]?token))["']?[ \t]*[:=][ \t]*["'`]([A-Za-z0-9._~+/=-]{20,})["'`]/gi;

/** The same in secrets files, where values may be bare: `COHERE_API_KEY=…` on a line of its own, a comment after it allowed. */
export const NAMED_ENV_KEY = /^[ \t]*(?:export[ \t]+)?((?:[A-Za-z_][A-Za-z0-9_]{0,40}?)?(?:API_?KEY|APIKEY|API_?TOKEN)[A-Za-z0-9_]{0,20})[ \t]*=[ \t]*["']?([A-Za-z0-9._~+/=-]{20,})["']?[ \t]*(?:#[^\n]*)?$/gim;

/** Providers told by a key's name or by the client on its line (`cohere.Client(`), for keys without a prefix. */
export const KEY_NAME_PROVIDERS: readonly { provider: string; pattern: RegExp }[] = [
  { provider: 'OpenAI', pattern: /openai/i },
  { provider: 'Anthropic', pattern: /anthropic|claude/i },
  { provider: 'Cohere', pattern: /cohere|\bCO_API_KEY/i },
  { provider: 'Mistral', pattern: /mistral/i },
  { provider: 'Together', pattern: /together/i },
  { provider: 'Groq', pattern: /groq/i },
  { provider: 'Google', pattern: /gemini|google|genai/i },
  { provider: 'Hugging Face', pattern: /\bhf_|hugging/i },
  { provider: 'Fireworks', pattern: /fireworks/i },
  { provider: 'DeepSeek', pattern: /deepseek/i },
  { provider: 'Pinecone', pattern: /pinecone/i },
  { provider: 'LangSmith', pattern: /langsmith|langchain/i },
];

/** Words that mark a value as a placeholder or a documented fake, not a key. */
const PLACEHOLDER_WORDS = /x{4,}|\.{3}|\*{3,}|your|example|placeholder|dummy|fake|changeme|replace|insert|redacted|sample|<|>|\{|\}/i;

/** Runs a random key does not have: `abcdef`, `123456`, `aaaaaa`. */
function hasOrderedRun(value: string): boolean {
  let ascending = 1;
  let repeated = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    ascending = step === 1 ? ascending + 1 : 1;
    repeated = step === 0 ? repeated + 1 : 1;
    if (ascending >= 6 || repeated >= 6) return true;
  }
  return false;
}

/** Whether a value looks like a generated token rather than a word or a placeholder (`YOUR_API_KEY`, `os.environ[...]`). */
export function looksLikeToken(value: string): boolean {
  if (value.startsWith('[REDACTED')) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((pattern) => pattern.test(value)).length;
  if (classes < 2) return false;
  return new Set(value).size >= 10;
}

/** Whether a key-shaped value is a real-looking key: token-like, with no placeholder word and no `abcdef`/`123456` run. */
export function looksLikeRealKey(secret: string): boolean {
  // `settings.OPENAI_API_KEY`, `process.env.KEY`: a dotted name is a look-up, not a value.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(secret)) return false;
  return looksLikeToken(secret) && !PLACEHOLDER_WORDS.test(secret) && !hasOrderedRun(secret);
}

/**
 * Files made to hold secrets: `.env` files and Streamlit's `secrets.toml` (Dynaconf's
 * `.secrets.toml` too). Committed, they leak what they hold; a bare `NAME = value` there is a key.
 */
export function isSecretsFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4) || name === 'secrets.toml' || name === '.secrets.toml';
}
