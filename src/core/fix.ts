import type { Fix } from './finding';

/** Offset of a 1-based line/column in a text. */
function offsetOf(lineStarts: number[], line: number, column: number): number {
  return lineStarts[line - 1] + column - 1;
}

/** Applies a fix's edits to a file's text (edits must not overlap; they are applied last first). */
export function applyFix(text: string, fix: Fix): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const edits = fix.edits
    .map((edit) => ({ start: offsetOf(lineStarts, edit.loc.line, edit.loc.column), end: offsetOf(lineStarts, edit.loc.endLine, edit.loc.endColumn), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
