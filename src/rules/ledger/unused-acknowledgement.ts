import { defineRule } from '../../core/rule';

/** GD003 unused-acknowledgement: a ledger directive that acknowledges no finding. */
export const unusedAcknowledgement = defineRule({
  code: 'GD003',
  name: 'unused-acknowledgement',
  family: 'ledger',
  severity: 'info',
  status: 'preview',
  since: '0.1.0',
  fix: 'safe',
  options: {},
  messages: { unused: 'Acknowledgement of `{rules}` matches no finding; the debt is gone or the directive is misplaced' },
  docs: {
    whatItDoes: 'Flags `genai-debt: accept` directives (for rules that ran) that acknowledge no finding: on their line, on the next line of code, or (for `accept-file`) in the file.',
    whyIsThisBad: 'A stale acknowledgement keeps a paid-off debt in the ledger and will silently accept new debt of the same kind on that line later. A misplaced one leaves the finding it meant to acknowledge unacknowledged.',
    example: { path: 'agent.py', code: '# genai-debt: accept GD401 -- reason: waiting for the snapshot\nMODEL = "gpt-4o-2024-08-06"\n' },
    useInstead: { path: 'agent.py', code: 'MODEL = "gpt-4o-2024-08-06"\n' },
    fixSafety: 'Safe: the fix deletes the directive, which acknowledges nothing. Directives for rules switched off in the config are never reported.',
    references: [{ title: 'ESLint: reportUnusedDisableDirectives', url: 'https://eslint.org/docs/latest/use/configure/rules#report-unused-eslint-disable-comments' }],
  },
  checkLedger: ({ directives, isActiveRule }) =>
    directives
      .filter(({ directive, acknowledged }) => directive.kind !== 'ignore-file' && acknowledged === 0 && directive.rules.length > 0 && directive.rules.every(isActiveRule))
      .map(({ directive }) => ({
        loc: directive.loc,
        messageId: 'unused',
        data: { rules: directive.rules.join(', ') },
        fix: {
          title: 'Remove the unused acknowledgement',
          safety: 'safe' as const,
          // A comment alone on its line goes with its line; a trailing one leaves the code.
          edits: [{ loc: directive.ownLine ? { ...directive.loc, column: 1, endLine: directive.loc.line + 1, endColumn: 1 } : directive.loc, newText: '' }],
        },
      })),
});
