import type { Location } from '../../core/facts';
import { KEY_NAME_PROVIDERS, looksLikeRealKey, NAMED_ENV_KEY, NAMED_KEY, PREFIXED_KEYS } from '../../catalog/secrets';

/** A provider key found in a text: where it is, whose it is, and its last 4 characters (all a message may show). */
export interface FoundKey {
  start: number;
  end: number;
  provider: string;
  tail: string;
}

function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

/**
 * Keys in one text: prefixed keys first (the prefix names the provider), then
 * unprefixed values given a key's name (`COHERE_API_KEY = "…"`), whose provider
 * the name or the client on the line tells (bare values only in `.env` files).
 * Placeholders are skipped.
 */
export function findKeys(text: string, envFile = false): FoundKey[] {
  const found: FoundKey[] = [];
  const overlaps = (start: number, end: number) => found.some((key) => start < key.end && end > key.start);
  for (const { provider, pattern } of PREFIXED_KEYS) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const start = match.index;
      const end = start + match[0].length;
      if (overlaps(start, end) || !looksLikeRealKey(match[2])) continue;
      found.push({ start, end, provider, tail: match[0].slice(-4) });
    }
  }
  const named = envFile ? NAMED_ENV_KEY : NAMED_KEY;
  for (const match of text.matchAll(new RegExp(named.source, named.flags))) {
    const value = match[2];
    const start = match.index + match[0].lastIndexOf(value);
    const end = start + value.length;
    if (overlaps(start, end) || !looksLikeRealKey(value)) continue;
    const context = `${match[1]} ${lineAround(text, start)}`;
    const provider = KEY_NAME_PROVIDERS.find((candidate) => candidate.pattern.test(context))?.provider ?? 'API';
    found.push({ start, end, provider, tail: value.slice(-4) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** 1-based line/column of offsets in a text (columns in UTF-16 code units, as editors count). */
export function locationIn(file: string, text: string, start: number, end: number, cell?: number): Location {
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  };
  const from = position(start);
  const to = position(end);
  const loc: Location = { file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  if (cell !== undefined) loc.cell = cell;
  return loc;
}

/** The cells of a notebook with their source text; null when the text is not a notebook. */
export function notebookCells(text: string): { cell: number; source: string }[] | null {
  let notebook: unknown;
  try {
    notebook = JSON.parse(text);
  } catch {
    return null;
  }
  const record = notebook as { cells?: unknown; worksheets?: { cells?: unknown }[] } | null;
  const cells = record?.cells ?? record?.worksheets?.[0]?.cells;
  if (!Array.isArray(cells)) return null;
  return cells.map((cell: { source?: unknown; input?: unknown } | null, index) => {
    const source = cell?.source ?? cell?.input;
    const joined = typeof source === 'string' ? source : Array.isArray(source) ? source.filter((part) => typeof part === 'string').join('') : '';
    return { cell: index, source: joined.replace(/\r\n?/g, '\n') };
  });
}
