/**
 * The text of ledger directives the "Acknowledge …" code actions insert
 * (`# genai-debt: accept GD301 -- reason: …; ticket: …`, see src/core/suppressions.ts).
 * Pure: the code action turns the result into a snippet edit.
 */
export interface DirectiveInsertion {
  /** 0-based line the directive is inserted before. */
  line: number;
  /** Snippet text (`${1:…}` placeholders for reason and ticket), ending with a newline. */
  snippet: string;
  /** The same text with the placeholders' defaults, for editors that do not take snippets. */
  plain: string;
}

export const REASON_PLACEHOLDER = 'why this debt is accepted';
export const TICKET_PLACEHOLDER = 'TICKET-1';

/** The line-comment marker of a file the ledger reads, or null when the file has no line comments (JSON, Markdown, prompt files). */
export function commentMarkerFor(path: string): '#' | '//' | null {
  if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(path)) return '//';
  if (/\.(py|pyi|ya?ml|toml|cfg|ini|sh)$|(^|\/)\.env[^/]*$|(^|\/)requirements[^/]*\.txt$/.test(path)) return '#';
  return null;
}

function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

function body(kind: 'accept' | 'accept-file', rule: string, reason: string, ticket: string): string {
  return `genai-debt: ${kind} ${rule} -- reason: ${reason}; ticket: ${ticket}`;
}

/** Escapes text that goes literally into a snippet. */
function snippetLiteral(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}

/**
 * A directive on its own line above the finding's line, indented like it:
 * the ledger applies an own-line `accept` to the next line of code.
 */
export function lineDirective(path: string, lines: readonly string[], findingLine: number, rule: string): DirectiveInsertion | null {
  const marker = commentMarkerFor(path);
  if (!marker) return null;
  const line = Math.min(Math.max(0, findingLine - 1), lines.length);
  const indent = leadingWhitespace(lines[line] ?? '');
  const prefix = `${indent}${marker} `;
  return {
    line,
    snippet: `${snippetLiteral(prefix)}${snippetLiteral(body('accept', rule, '\u0000', '\u0001')).replace('\u0000', `\${1:${REASON_PLACEHOLDER}}`).replace('\u0001', `\${2:${TICKET_PLACEHOLDER}}`)}\n`,
    plain: `${prefix}${body('accept', rule, REASON_PLACEHOLDER, TICKET_PLACEHOLDER)}\n`,
  };
}

/** An `accept-file` directive at the top of the file, after a shebang or a Python encoding line. */
export function fileDirective(path: string, lines: readonly string[], rule: string): DirectiveInsertion | null {
  const marker = commentMarkerFor(path);
  if (!marker) return null;
  let line = 0;
  while (line < lines.length && line < 2 && (/^#!/.test(lines[line]) || /^#.*coding[:=]/.test(lines[line]))) line++;
  const prefix = `${marker} `;
  return {
    line,
    snippet: `${snippetLiteral(prefix)}${snippetLiteral(body('accept-file', rule, '\u0000', '\u0001')).replace('\u0000', `\${1:${REASON_PLACEHOLDER}}`).replace('\u0001', `\${2:${TICKET_PLACEHOLDER}}`)}\n`,
    plain: `${prefix}${body('accept-file', rule, REASON_PLACEHOLDER, TICKET_PLACEHOLDER)}\n`,
  };
}
