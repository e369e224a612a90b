/**
 * Secrets never leave: every string a report, hover or log shows goes through
 * here first. A key is replaced by its provider prefix and at most its last 4
 * characters (enough to tell two keys apart, useless to an attacker).
 */

/** Provider keys with a recognisable prefix; the prefix is kept, the rest redacted. Longer prefixes first. */
const PREFIXED_KEYS: readonly RegExp[] = [
  /\b(sk-ant-(?:api\d+-|admin\d+-)?)([A-Za-z0-9_-]{16,})/g, // Anthropic
  /\b(sk-(?:proj|svcacct|admin|None)-)([A-Za-z0-9_-]{16,})/g, // OpenAI project / service-account / admin keys
  /\b(sk-)([A-Za-z0-9_-]{16,})/g, // OpenAI (legacy) and look-alikes (DeepSeek, Moonshot…)
  /\b(AIza)([0-9A-Za-z_-]{20,})/g, // Google API keys
  /\b(hf_)([A-Za-z0-9]{16,})/g, // Hugging Face
  /\b((?:AKIA|ASIA)(?=[0-9A-Z]{16}\b))([0-9A-Z]{16})\b/g, // AWS access key ids
  /\b(gsk_)([A-Za-z0-9]{16,})/g, // Groq
  /\b(xai-)([A-Za-z0-9]{16,})/g, // xAI
  /\b(pplx-)([A-Za-z0-9]{16,})/g, // Perplexity
  /\b(r8_)([A-Za-z0-9]{16,})/g, // Replicate
  /\b(ghp_|github_pat_)([A-Za-z0-9_]{16,})/g, // GitHub tokens (often next to LLM keys in .env files)
];

/** A value after `api_key=`, `token: `, `Authorization: Bearer` …: redacted when it looks like a token (long, mixed). */
const ASSIGNED_SECRET = /((?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret(?:[_-]?key)?|password|passwd|token)["']?\s*[:=]\s*["']?|\bBearer\s+)([A-Za-z0-9._~+/=-]{12,})/gi;

const MARK = '[REDACTED';

function mask(secret: string): string {
  // Short secrets keep nothing: four characters of twelve is a third of the key.
  const tail = secret.length >= 20 ? `…${secret.slice(-4)}` : '';
  return `${MARK}${tail}]`;
}

/** Whether a value looks like a generated token rather than a word or a placeholder (`YOUR_API_KEY`, `os.environ[...]`). */
function looksLikeToken(value: string): boolean {
  if (value.startsWith(MARK)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((pattern) => pattern.test(value)).length;
  if (classes < 2) return false;
  const distinct = new Set(value).size;
  return distinct >= 10;
}

/** Redacts every key-like string in one piece of text. */
export function redactSecrets(text: string): string {
  let out = text;
  // Keys are random: a prefix followed by one-case words (`sk-learn-pipeline-config`) is not one.
  for (const pattern of PREFIXED_KEYS) out = out.replace(pattern, (whole, prefix: string, secret: string) => (looksLikeToken(secret) ? `${prefix}${mask(secret)}` : whole));
  return out.replace(ASSIGNED_SECRET, (whole, lead: string, value: string) => (looksLikeToken(value) ? `${lead}${mask(value)}` : whole));
}

/** A deep copy of any JSON value (an audit, a finding) with every string redacted. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item)])) as T;
  }
  return value;
}
