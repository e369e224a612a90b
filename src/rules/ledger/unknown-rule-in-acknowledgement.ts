import { defineRule } from '../../core/rule';

/** GD002 unknown-rule-in-acknowledgement: a ledger directive naming no rule, or a rule that does not exist. */
export const unknownRuleInAcknowledgement = defineRule({
  code: 'GD002',
  name: 'unknown-rule-in-acknowledgement',
  family: 'ledger',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: {
    unknown: '`{rule}` is not a GenAI Debt rule (see `genai-debt rules`)',
    none: 'The acknowledgement names no rule; write the codes it accepts, e.g. `accept GD301`',
  },
  docs: {
    whatItDoes: 'Flags `genai-debt: accept` directives that name a rule code or name the tool does not have, or no rule at all.',
    whyIsThisBad: 'A typo in a code (`GD4O1`) acknowledges nothing: the finding it was meant for stays, and the directive looks like a decision that was recorded when none was.',
    example: { path: 'agent.py', code: '# genai-debt: accept GD999 -- reason: typo\nMODEL = "gpt-4o"\n' },
    useInstead: { path: 'agent.py', code: '# genai-debt: accept GD401 -- reason: evaluating the alias until launch\nMODEL = "gpt-4o"\n' },
    fixSafety: 'No fix: the intended code cannot be known.',
    references: [{ title: 'Ruff: RUF102 invalid-rule-code', url: 'https://docs.astral.sh/ruff/rules/invalid-rule-code/' }],
  },
  checkLedger: ({ directives, isKnownRule }) =>
    directives.flatMap(({ directive }) => {
      if (directive.kind === 'ignore-file') return [];
      if (directive.rules.length === 0) return [{ loc: directive.loc, messageId: 'none' }];
      return directive.rules.filter((rule) => !isKnownRule(rule)).map((rule) => ({ loc: directive.loc, messageId: 'unknown', data: { rule } }));
    }),
});
