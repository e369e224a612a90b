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

/** How many edited files keep their last parse. */
const KEPT_PARSES = 8;

/**
 * The last parse of each of the few files being edited, so that a front-end can re-parse the
 * next version of one from it (incremental parsing) instead of from nothing.
 */
export class LastParses<T> {
  private readonly parses = new Map<string, { text: string; parse: T }>();

  /** `release` frees a parse that is let go (wasm memory, for tree-sitter). */
  constructor(private readonly release: (parse: T) => void = () => {}) {}

  /** Takes the last parse of `path` out (a re-parse may consume it); keep the new one after. */
  take(path: string): { text: string; parse: T } | undefined {
    const last = this.parses.get(path);
    this.parses.delete(path);
    return last;
  }

  keep(path: string, text: string, parse: T): void {
    const replaced = this.take(path);
    if (replaced && replaced.parse !== parse) this.release(replaced.parse);
    this.parses.set(path, { text, parse });
    if (this.parses.size > KEPT_PARSES) {
      const [oldest] = this.parses.keys();
      this.release(this.take(oldest)!.parse);
    }
  }
}
