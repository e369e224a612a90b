import { defineRule, type Report } from '../../core/rule';
import { defaultCatalog } from '../../catalog/models';
import { replaceModelId, withPrefixOf } from './model-id-edit';

/**
 * GD401 unpinned-model. Flags model ids that are moving aliases and offers the
 * snapshot the alias points at today.
 */
export const unpinnedModel = defineRule({
  code: 'GD401',
  name: 'unpinned-model',
  family: 'versioning',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'safe',
  options: {},
  messages: {
    aliasWithSnapshot: '`{id}` is a moving alias, today `{snapshot}` (catalog as of {asOf}); pin the snapshot',
    alias: '`{id}` is a moving alias (catalog as of {asOf}); pin a dated snapshot',
    latest: '`{id}` follows the newest release and moves without notice; pin a dated or stable id',
    ollamaUntagged: '`{id}` has no tag, so Ollama serves the moving `:latest`; pin a tag or a digest',
  },
  docs: {
    whatItDoes: 'Checks model ids given to LLM calls, agents and model constants, and flags those that are moving aliases: undated OpenAI ids (`gpt-5.5`), `-latest` ids (`claude-3-5-sonnet-latest`, `gemini-flash-latest`, `codestral-latest`), pre-4.6 undated Claude ids (`claude-sonnet-4-5`), and Ollama models with the `:latest` tag or no tag at all (only where the call or prefix says the model is served by Ollama). A model the provider has already retired is left to GD402 deprecated-model, which says what replaces it; a deprecated alias is reported by both rules, since pinning it still matters until its shutdown.',
    whyIsThisBad: 'An alias is re-pointed by the provider to a newer snapshot without notice in your code. Outputs, tool-calling behaviour, token counts and prices change under a prompt that was tuned and evaluated on the old snapshot, and the regression cannot be traced to a commit.',
    example: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-5.5", messages=[])\n' },
    useInstead: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[])\n' },
    fixSafety: 'Safe: the fix writes the snapshot the alias points at on the catalog date, which is what the alias serves today. It is offered only when the catalog knows that snapshot (OpenAI aliases from gpt-tokenizer\'s model data, Mistral `-latest` aliases the docs name); `-latest` and Ollama ids get no fix, since only the provider knows what they serve.',
    references: [
      { title: 'OpenAI: model snapshots', url: 'https://platform.openai.com/docs/models' },
      { title: 'Anthropic: models overview (aliases vs pinned ids)', url: 'https://docs.anthropic.com/en/docs/about-claude/models/overview' },
      { title: 'Gemini API: model versions (stable, preview, latest)', url: 'https://ai.google.dev/gemini-api/docs/models' },
    ],
  },
  checkFile({ facts, text, catalog = defaultCatalog }) {
    return facts.models.flatMap((model): Report[] => {
      const info = catalog.info(model.id, model.provider);
      // A retired model is GD402's: pinning a snapshot whose calls already fail helps nobody.
      if (info.pinned !== false || info.lifecycle?.status === 'retired') return [];
      const asOf = info.retrievedAt ?? '';
      if (info.floats === 'ollama-untagged') return [{ loc: model.loc, messageId: 'ollamaUntagged', data: { id: model.id } }];
      if (!info.snapshot) return [{ loc: model.loc, messageId: info.floats === 'latest' ? 'latest' : 'alias', data: { id: model.id, asOf } }];
      const pinned = withPrefixOf(model, info.snapshot);
      return [{
        loc: model.loc,
        messageId: 'aliasWithSnapshot',
        data: { id: model.id, snapshot: info.snapshot, asOf },
        fix: replaceModelId(text, model, info.snapshot, `Pin \`${pinned}\``, 'safe'),
      }];
    });
  },
});
