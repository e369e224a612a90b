/**
 * Which conditional branches a line sits in, read from indentation (Python
 * blocks; formatted JS/TS): the `if`/`elif`/`else`/`except`/`catch`/`case`
 * headers above it that it is indented under. Two steps under different
 * headers are alternatives (`if fast: … else: …`, one button or another), not
 * a chain.
 */
const CONDITIONAL = /^\s*(?:\}\s*)?(?:if|elif|else|except|catch|case|default|match|switch)\b/;

function indentation(line: string): number {
  return /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
}

function isCode(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('//') && !/^[)\]}]+[,;]?$/.test(trimmed);
}

/** The lines (1-based) of the conditional headers enclosing `line`, innermost first, as a key. */
export function conditionalContext(lines: readonly string[], line: number): string {
  const headers: number[] = [];
  let level = indentation(lines[line - 1] ?? '');
  for (let index = line - 2; index >= 0 && level > 0; index--) {
    const text = lines[index];
    if (!isCode(text)) continue;
    const indent = indentation(text);
    if (indent >= level) continue;
    level = indent;
    if (CONDITIONAL.test(text)) headers.push(index + 1);
    if (/^\s*(?:async\s+)?def\s|^\s*(?:export\s+)?(?:async\s+)?function\b/.test(text)) break;
  }
  return headers.join(',');
}
