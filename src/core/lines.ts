/**
 * Answers remembered per string (a file's text, a path), for phase 2, which runs again after
 * every edit in the editor and asks about the same unchanged files. Strings have no identity in
 * JavaScript: after a re-audit a file's text is another string with the same characters, which a
 * Map compares character by character at every lookup. So a hit files the entry again under the
 * caller's string (later lookups compare pointers), and the entry asked about longest ago goes
 * first when the memo is full.
 */
export class TextMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  get(text: string, compute: (text: string) => T): T {
    let value = this.entries.get(text);
    if (value !== undefined) this.entries.delete(text);
    else value = compute(text);
    this.entries.set(text, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

const lines = new TextMemo<readonly string[]>(1024);

/** The lines of a text (remembered: fixes of unchanged files are built again after every edit). */
export function linesOf(text: string): readonly string[] {
  return lines.get(text, (whole) => whole.split('\n'));
}

/** What an edit changed, in UTF-16 offsets: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one span between the common prefix and the common suffix of two versions of a text. */
export function changedSpan(before: string, after: string): ChangedSpan {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** 1-based line and column (UTF-16 code units) of an offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    line++;
    lineStart = newline + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
