import { defineRule, type Report } from '../../core/rule';
import { defaultCatalog } from '../../catalog/models';
import { replaceModelId, withPrefixOf } from './model-id-edit';

/**
 * GD402 deprecated-model. Flags model ids whose provider has announced their
 * shutdown (warning) or already shut them down (error), from the dated
 * lifecycle catalog, and offers the documented replacement.
 */
export const deprecatedModel = defineRule({
  code: 'GD402',
  name: 'deprecated-model',
  family: 'versioning',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'unsafe',
  options: {},
  messages: {
    retired: '`{id}` is retired: calls fail since {shutdown} (catalog as of {asOf}); its documented replacement is `{replacement}`',
    retiredNoReplacement: '`{id}` is retired: calls fail since {shutdown} (catalog as of {asOf})',
    retiredNoDate: '`{id}` is retired and calls to it fail (catalog as of {asOf})',
    pastEarliestShutdown: '`{id}` is past {shutdown}, the earliest shutdown date its provider announced, and may no longer be served (catalog as of {asOf}); its documented replacement is `{replacement}`',
    deprecated: '`{id}` is deprecated and shuts down on {shutdown} (catalog as of {asOf}); its documented replacement is `{replacement}`',
    deprecatedNoReplacement: '`{id}` is deprecated and shuts down on {shutdown} (catalog as of {asOf})',
    deprecatedNoDate: '`{id}` is deprecated (catalog as of {asOf})',
  },
  docs: {
    whatItDoes: 'Checks model ids given to LLM calls, agents and model constants against a dated catalog of provider deprecations (OpenAI, Anthropic, Google Gemini, Mistral; each row with its source and retrieval date). A model whose shutdown date has passed is reported as an error ("calls fail since …"); one whose shutdown is announced is a warning with the date. Google gives shutdown dates as the earliest possible ones, so a Gemini model past that date stays a warning. Ids served through Azure, Vertex AI, Bedrock or Groq are skipped: those platforms keep their own schedules. The catalog can be corrected or extended in `.genai-debt.json` (`"catalog": {"models": {"gpt-4o": {"status": "retired", "shutdown": "2027-01-14", "replacement": "gpt-6-luna"}}}`).',
    whyIsThisBad: 'A retired model makes every call fail; a deprecated one will, on a date written in a provider changelog nobody on the team reads. Migrating takes evaluation work (prompts tuned on one model behave differently on its successor), which is cheap before the shutdown and an incident after it.',
    example: { path: 'agent.py', code: 'import anthropic\n\nclient = anthropic.Anthropic()\nclient.messages.create(model="claude-3-haiku-20240307", max_tokens=512, messages=[])\n' },
    useInstead: { path: 'agent.py', code: 'import anthropic\n\nclient = anthropic.Anthropic()\nclient.messages.create(model="claude-haiku-4-5-20251001", max_tokens=512, messages=[])\n' },
    fixSafety: 'Unsafe: the fix writes the replacement the provider documents, but a different model changes outputs, tool use, token counts and prices; re-run your evaluations before shipping it. No fix is offered when the provider names no replacement.',
    references: [
      { title: 'OpenAI: deprecations', url: 'https://developers.openai.com/api/docs/deprecations' },
      { title: 'Anthropic: model deprecations', url: 'https://platform.claude.com/docs/en/about-claude/model-deprecations' },
      { title: 'Gemini API: deprecations', url: 'https://ai.google.dev/gemini-api/docs/deprecations' },
      { title: 'Mistral: models overview (legacy models)', url: 'https://docs.mistral.ai/getting-started/models/models_overview/' },
    ],
  },
  checkFile({ facts, text, catalog = defaultCatalog }) {
    return facts.models.flatMap((model): Report[] => {
      const lifecycle = catalog.info(model.id, model.provider).lifecycle;
      if (!lifecycle) return [];
      const { shutdown, replacement } = lifecycle;
      const data = { id: model.id, shutdown: shutdown ?? '', replacement: replacement ?? '', asOf: lifecycle.retrievedAt };
      const fix = replacement ? replaceModelId(text, model, replacement, `Replace with \`${withPrefixOf(model, replacement)}\` (documented replacement)`, 'unsafe') : null;
      if (lifecycle.status === 'retired') {
        // Google's dates are the earliest possible shutdowns: past one, the model may still answer.
        if (lifecycle.earliestPossible && shutdown !== null && replacement) return [{ loc: model.loc, messageId: 'pastEarliestShutdown', data, fix }];
        const messageId = shutdown === null ? 'retiredNoDate' : replacement ? 'retired' : 'retiredNoReplacement';
        return [{ loc: model.loc, messageId, data, fix, severity: 'error' }];
      }
      const messageId = shutdown === null ? 'deprecatedNoDate' : replacement ? 'deprecated' : 'deprecatedNoReplacement';
      return [{ loc: model.loc, messageId, data, fix }];
    });
  },
});
