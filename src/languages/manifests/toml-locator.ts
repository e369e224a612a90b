import type { Location } from '../../core/facts';
import type { LineIndex } from '../data/text-positions';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function keyPattern(key: string): string {
  const escaped = escapeRegExp(key);
  return `(?:"${escaped}"|'${escaped}'|${escaped})`;
}

/**
 * Finds where a TOML value was written: smol-toml gives values without
 * positions, so the locator searches the text, starting at the table that
 * holds the value and never handing out the same place twice.
 */
export class TomlLocator {
  private readonly used = new Set<number>();

  constructor(private readonly file: string, private readonly text: string, private readonly lines: LineIndex) {}

  /** Offset after the header of the deepest table of `path` the file declares (`[tool.poetry.group.dev.dependencies]` → … → `[tool]`), else 0. */
  tableStart(path: string[]): number {
    for (let length = path.length; length > 0; length--) {
      const header = path.slice(0, length).map(keyPattern).join('\\s*\\.\\s*');
      const match = new RegExp(`^[ \\t]*\\[\\[?[ \\t]*${header}[ \\t]*\\]`, 'm').exec(this.text);
      if (match) return match.index + match[0].length;
    }
    return 0;
  }

  /** A string literal in an array (`"openai>=1.0"`): the literal with its quotes. */
  stringItem(tablePath: string[], value: string, name: string): Location {
    const from = this.tableStart(tablePath);
    const exact = new RegExp(`"${escapeRegExp(value)}"|'${escapeRegExp(value)}'`, 'g');
    const byName = new RegExp(`["']${escapeRegExp(name)}(?![\\w.-])[^"'\\n]*["']?`, 'gi');
    return this.first(exact, from) ?? this.first(byName, from) ?? this.first(exact, 0) ?? this.fallback(from);
  }

  /** A key of a table (`openai = "^1.3"`): from the key to the end of its line. */
  keyEntry(tablePath: string[], key: string): Location {
    const from = this.tableStart(tablePath);
    const pattern = new RegExp(`^[ \\t]*(${keyPattern(key)}[ \\t]*=.*?)[ \\t]*(#.*)?$`, 'gm');
    return this.first(pattern, from, 1) ?? this.fallback(from);
  }

  private first(pattern: RegExp, from: number, group = 0): Location | null {
    pattern.lastIndex = from;
    for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
      const start = match.index + match[0].indexOf(match[group]);
      if (!this.used.has(start)) {
        this.used.add(start);
        return this.lines.location(this.file, start, start + match[group].length);
      }
      if (match[0].length === 0) pattern.lastIndex++;
    }
    return null;
  }

  private fallback(offset: number): Location {
    const { line } = this.lines.position(offset);
    return this.lines.location(this.file, this.lines.lineStart(line), this.lines.lineStart(line));
  }
}
