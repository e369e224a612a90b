import { defineRule } from '../../core/rule';

/** GD001 unexplained-acknowledgement: a ledger directive that gives no reason. */
export const unexplainedAcknowledgement = defineRule({
  code: 'GD001',
  name: 'unexplained-acknowledgement',
  family: 'ledger',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: { noReason: 'Acknowledgement of `{rules}` gives no reason; add `-- reason: …`' },
  docs: {
    whatItDoes: 'Flags `genai-debt: accept` and `accept-file` directives that do not say why the debt is accepted.',
    whyIsThisBad: 'Accepting debt is a decision; without its reason the next reader cannot tell a deliberate trade-off (an MVP shortcut with a ticket to pay it back) from a silenced warning, and the audit report has no rationale to show.',
    example: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\n# genai-debt: accept GD401\nclient.chat.completions.create(model="gpt-4o", messages=[])\n' },
    useInstead: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\n# genai-debt: accept GD401 -- reason: evaluating the alias until launch; ticket: AI-12\nclient.chat.completions.create(model="gpt-4o", messages=[])\n' },
    fixSafety: 'No fix: only the team knows the reason.',
    references: [{ title: 'ESLint: directive descriptions (`-- reason`)', url: 'https://eslint.org/docs/latest/use/configure/rules#comment-descriptions' }],
  },
  checkLedger: ({ directives }) =>
    directives
      .filter(({ directive }) => directive.kind !== 'ignore-file' && directive.reason === null)
      .map(({ directive }) => ({ loc: directive.loc, messageId: 'noReason', data: { rules: directive.rules.join(', ') || '(no rule)' } })),
});
