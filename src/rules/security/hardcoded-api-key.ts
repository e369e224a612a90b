import { defineRule, type Report } from '../../core/rule';
import { isSecretsFile } from '../../catalog/secrets';
import { findKeys, locationIn, notebookCells } from './key-scan';

/**
 * GD501 hardcoded-api-key. Scans the text of every file the engine analyses
 * (source, notebooks, JSON/YAML, prompt files, `.env` files and `secrets.toml`) for provider
 * keys. Only the provider and the key's last 4 characters reach the message;
 * every report format redacts the rest anyway (report/redact.ts).
 */
export const hardcodedApiKey = defineRule({
  code: 'GD501',
  name: 'hardcoded-api-key',
  family: 'security',
  severity: 'error',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: {
    key: 'An API key of {provider} (ending `{tail}`) is written into this file; load it from the environment or a secret manager, and revoke it',
    unattributedKey: 'An API key (ending `{tail}`) is written into this file next to LLM calls; load it from the environment or a secret manager, and revoke it',
  },
  docs: {
    whatItDoes: 'Finds provider API keys written into source, notebooks, configuration (JSON/YAML), prompt files and secrets files (`.env`, Streamlit\'s `secrets.toml`): keys with a provider prefix (OpenAI `sk-…`/`sk-proj-…`, Anthropic `sk-ant-…`, Google `AIza…`, Hugging Face `hf_…`, Groq `gsk_…`, xAI, Perplexity, Replicate, AWS access key ids, GitHub tokens), and keys without a prefix (Cohere, Mistral, Together, …) when they are given a key\'s name (`COHERE_API_KEY = "…"`, `api_key="…"`, `apiKey: "…"`). Placeholders are not findings: values with `your`, `example`, `xxxx`, `...`, `<…>`, `{…}`, `dummy`, `fake`, `sample`, runs like `abcdef`/`123456`, and values that are not token-like (one letter case, few distinct characters); environment look-ups are not literals at all. Test files are scanned like any other: a random-looking key in a test is as usable as one in the app. Files ignored by `.gitignore` are not audited, so a local, uncommitted `.env` or `secrets.toml` is not reported.',
    whyIsThisBad: 'A key in the repository is readable by everyone with access to it, for ever (git history keeps it after the line is deleted), and is the first thing secret scanners and attackers look for; a leaked LLM key is spent on someone else\'s traffic. The finding shows the provider and the last 4 characters only, and every report format redacts keys.',
    example: { path: 'app.py', code: 'from openai import OpenAI\n\nclient = OpenAI(api_key="sk-proj-Q7mZ2xK9vLp4RtW8nYc3Hb6Jd1Fg5SaE")\n' }, // genai-debt: accept GD501 -- reason: the rule's documented example, a made-up key
    useInstead: { path: 'app.py', code: 'import os\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n' },
    fixSafety: 'No fix: moving the key to the environment also needs the deployment to provide it, and the leaked key must be revoked whatever the code does next.',
    references: [
      { title: 'OWASP Top 10 for LLM Applications: LLM02 Sensitive Information Disclosure', url: 'https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/' },
      { title: 'OpenAI: best practices for API key safety', url: 'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety' },
      { title: 'GitHub: removing sensitive data from a repository', url: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository' },
    ],
  },
  checkFile({ path, text, facts }) {
    const envFile = isSecretsFile(path);
    // A named key whose service nothing tells (`api_key="…"`) counts only in a file that calls an LLM:
    // elsewhere it is as likely an analytics or payment key, which is not this rule's business.
    const unattributedCounts = envFile || facts.llmCalls.length > 0;
    const report = (source: string, cell?: number) => findKeys(source, envFile)
      .filter((key) => key.provider !== 'API' || unattributedCounts)
      .map((key): Report => ({
        loc: locationIn(path, source, key.start, key.end, cell),
        messageId: key.provider === 'API' ? 'unattributedKey' : 'key',
        data: { provider: key.provider, tail: key.tail },
      }));
    if (path.toLowerCase().endsWith('.ipynb')) {
      // A notebook's locations are per cell; its outputs are not scanned (they are not code a team maintains).
      return (notebookCells(text) ?? []).flatMap((cell) => report(cell.source, cell.cell));
    }
    return report(text);
  },
});
