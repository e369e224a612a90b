import type { Location } from './facts';
import type { Finding } from './finding';

/**
 * The debt ledger: directives in comments that acknowledge debt where the code is.
 *
 *   # genai-debt: accept GD101 -- reason: one prompt until routing lands; ticket: AI-231
 *   // genai-debt: accept GD301, GD302 -- reason: traced by the gateway
 *   # genai-debt: accept-file GD405 -- reason: pinned by the deploy image
 *   # genai-debt: ignore-file
 *
 * `accept` covers the line it ends, or, on a comment line of its own, the next
 * line of code (comment lines stacked above it count as one block). `accept-file`
 * covers the whole file. `ignore-file` leaves the file out of the audit.
 */
export interface Directive {
  loc: Location;
  kind: 'accept' | 'accept-file' | 'ignore-file';
  /** Rule codes or names as written. */
  rules: string[];
  reason: string | null;
  ticket: string | null;
  /** Line of code the directive covers (`accept` only). */
  coversLine: number | null;
  /** True when the comment is alone on its line. */
  ownLine: boolean;
}

const COMMENT_START: Record<string, RegExp> = {
  hash: /#/,
  slash: /\/\/|\/\*/,
};

const DIRECTIVE = /genai-debt:\s*(accept-file|accept|ignore-file)\b([^\n]*)/;

function commentStyle(path: string): RegExp[] {
  if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(path)) return [COMMENT_START.slash];
  if (/\.(py|pyi|ya?ml|toml|txt|cfg|ini|sh)$|(^|\/)\.env/.test(path) || /requirements[^/]*\.txt$/.test(path)) return [COMMENT_START.hash];
  return [COMMENT_START.hash, COMMENT_START.slash];
}

function parseBody(rawBody: string): { rules: string[]; reason: string | null; ticket: string | null } {
  // A further comment chained on the line (`…  # noqa`, `…  // eslint-disable-line`) is not part of the directive.
  const body = rawBody.split(/\s(?:#|\/\/)\s/)[0];
  const [head, ...rest] = body.split('--');
  const tail = rest.join('--');
  const rules = head.replace(/\*\/\s*$/, '').split(/[\s,]+/).filter(Boolean);
  const reason = /reason:\s*(.*?)\s*(?:;|\bticket:|\*\/|$)/.exec(tail)?.[1] ?? null;
  const ticket = /ticket:\s*([^\s;*]+)/.exec(tail)?.[1] ?? null;
  return { rules, reason: reason === '' ? null : reason, ticket };
}

/** Finds the ledger directives of a file (comments only: the marker must follow a comment start on its line). */
export function parseDirectives(path: string, text: string): Directive[] {
  if (!text.includes('genai-debt:')) return [];
  const starts = commentStyle(path);
  const lines = text.split('\n');
  const directives: Directive[] = [];
  lines.forEach((line, index) => {
    const at = line.indexOf('genai-debt:');
    if (at < 0) return;
    const before = line.slice(0, at);
    const comment = starts.map((start) => before.search(start)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (comment === undefined) return;
    const match = DIRECTIVE.exec(line.slice(at));
    if (!match) return;
    const kind = match[1] as Directive['kind'];
    const { rules, reason, ticket } = kind === 'ignore-file' ? { rules: [], reason: null, ticket: null } : parseBody(match[2]);
    const ownLine = line.slice(0, comment).trim() === '';
    let coversLine: number | null = null;
    if (kind === 'accept') {
      if (!ownLine) coversLine = index + 1;
      else {
        // The next line that is neither blank nor a comment.
        let next = index + 1;
        while (next < lines.length && (lines[next].trim() === '' || starts.some((start) => lines[next].trimStart().search(start) === 0))) next++;
        coversLine = next < lines.length ? next + 1 : null;
      }
    }
    directives.push({
      loc: { file: path, line: index + 1, column: comment + 1, endLine: index + 1, endColumn: line.replace(/\r$/, '').length + 1 },
      kind, rules, reason, ticket, coversLine, ownLine,
    });
  });
  return directives;
}

function names(finding: Finding): string[] {
  return [finding.rule, finding.name];
}

/**
 * Marks the findings a directive acknowledges and returns, per directive, whether
 * it acknowledged anything (for the unused-acknowledgement report).
 */
export function applyDirectives(findings: readonly Finding[], directivesByFile: ReadonlyMap<string, readonly Directive[]>): Map<Directive, number> {
  const used = new Map<Directive, number>();
  for (const directives of directivesByFile.values()) for (const directive of directives) used.set(directive, 0);
  for (const finding of findings) {
    // Phase 1 results are cached and shared between runs: start from a clean slate.
    finding.acknowledged = null;
    const directives = directivesByFile.get(finding.loc.file);
    if (!directives || finding.loc.cell !== undefined) continue;
    const directive = directives.find((d) =>
      d.rules.some((rule) => names(finding).includes(rule)) &&
      (d.kind === 'accept-file' || (d.kind === 'accept' && d.coversLine === finding.loc.line)));
    if (!directive) continue;
    finding.acknowledged = { reason: directive.reason, ticket: directive.ticket };
    used.set(directive, (used.get(directive) ?? 0) + 1);
  }
  return used;
}
