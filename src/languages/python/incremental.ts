import { Edit, type Parser, type Point, type Tree } from 'web-tree-sitter';

/** How many edited files keep their last syntax tree (each holds wasm memory until deleted). */
const KEPT_TREES = 8;

/**
 * The last syntax trees of files being edited, so the next parse of the same path re-parses
 * only what changed (tree-sitter reuses the unchanged subtrees): a 2,000-line file re-parses in
 * well under a millisecond instead of ~12 ms.
 */
export class KeptTrees {
  private readonly trees = new Map<string, { text: string; tree: Tree }>();

  /** Parses `text`, from the kept tree of `path` when there is one. Null when the parser gave up. */
  parse(parser: Parser, path: string, text: string): Tree | null {
    const kept = this.trees.get(path);
    if (!kept) return parser.parse(text);
    // Taken out first: once edited, the tree no longer matches its text, whatever happens next.
    this.trees.delete(path);
    try {
      if (kept.text === text) return kept.tree.copy();
      kept.tree.edit(editBetween(kept.text, text));
      return parser.parse(text, kept.tree);
    } finally {
      kept.tree.delete();
    }
  }

  /** Keeps a copy of `tree` (the parse of `text`) for the next parse of `path`; the least recently kept goes. */
  keep(path: string, text: string, tree: Tree): void {
    this.forget(path);
    this.trees.set(path, { text, tree: tree.copy() });
    if (this.trees.size > KEPT_TREES) this.forget(this.trees.keys().next().value!);
  }

  forget(path: string): void {
    this.trees.get(path)?.tree.delete();
    this.trees.delete(path);
  }
}

/** The one edit that turns `before` into `after`: what lies between their common prefix and suffix. */
export function editBetween(before: string, after: string): Edit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

/** Row and column (UTF-16 code units, as web-tree-sitter counts them) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    row++;
    lineStart = newline + 1;
  }
  return { row, column: offset - lineStart };
}
