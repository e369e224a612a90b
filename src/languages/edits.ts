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
