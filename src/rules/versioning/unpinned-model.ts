import { defineRule } from '../../core/rule';
import { modelInfo } from '../../catalog/models';

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
    aliasWithSnapshot: '`{id}` is a moving alias (today `{snapshot}`); pin the snapshot',
    alias: '`{id}` is a moving alias; pin a dated snapshot',
  },
  docs: {
    whatItDoes: 'Checks model ids given to LLM calls, agents and model constants, and flags those that are moving aliases: undated OpenAI ids (`gpt-4o`), `-latest` ids, pre-4.6 undated Claude ids (`claude-sonnet-4-5`), and `:latest` Ollama tags.',
    whyIsThisBad: 'An alias is re-pointed by the provider to a newer snapshot without notice in your code. Outputs, tool-calling behaviour, token counts and prices change under a prompt that was tuned and evaluated on the old snapshot, and the regression cannot be traced to a commit.',
    example: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n' },
    useInstead: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-08-06", messages=[])\n' },
    fixSafety: 'Safe: the fix writes the snapshot the alias points at on the catalog date, which is what the alias serves today. It is offered only when the catalog knows that snapshot.',
    references: [
      { title: 'OpenAI: model snapshots', url: 'https://platform.openai.com/docs/models' },
      { title: 'Anthropic: models overview (aliases vs pinned ids)', url: 'https://docs.anthropic.com/en/docs/about-claude/models/overview' },
    ],
  },
  checkFile({ facts }) {
    return facts.models.flatMap((model) => {
      const info = modelInfo(model.id);
      if (info.pinned !== false) return [];
      if (!info.snapshot) return [{ loc: model.loc, messageId: 'alias', data: { id: model.id } }];
      const prefix = model.id.slice(0, model.id.length - model.id.replace(/^[\w-]+[/:](?=.)/, '').length);
      const pinned = prefix + info.snapshot;
      return [{
        loc: model.loc,
        messageId: 'aliasWithSnapshot',
        data: { id: model.id, snapshot: info.snapshot },
        // ModelRef.loc covers the literal with its quotes; keep the quote characters.
        fix: { title: `Pin \`${pinned}\``, safety: 'safe' as const, edits: [{ loc: { ...model.loc, column: model.loc.column + 1, endColumn: model.loc.endColumn - 1 }, newText: pinned }] },
      }];
    });
  },
});
