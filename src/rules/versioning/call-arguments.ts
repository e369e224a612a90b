import type { Location } from '../../core/facts';

/** Where a call's argument list is in the source, found by scanning text (both Python and TS/JS). */
export interface ArgumentList {
  /** Number of top-level arguments. */
  count: number;
  /** The last argument is followed by a comma. */
  trailingComma: boolean;
  /** Where a new last argument goes (1-based): after the trailing comma, or at the closing parenthesis. */
  insertAt: { line: number; column: number };
}

const OPENERS = '([{';
const CLOSERS = ')]}';
const MAX_SCAN = 20_000;

/**
 * The argument list of the call that `loc` is in or names: `loc` is either the
 * callee (the list starts after it) or an argument (the list encloses it).
 * Null when the text does not scan cleanly (comments holding brackets, f-string nesting, the end of the file).
 */
export function argumentListAround(text: string, loc: Location): ArgumentList | null {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const toOffset = (line: number, column: number) => (lineStarts[line - 1] ?? NaN) + column - 1;
  const start = toOffset(loc.line, loc.column);
  let index = toOffset(loc.endLine, loc.endColumn);
  if (Number.isNaN(index)) return null;
  const afterCallee = /^\s*\(/.exec(text.slice(index, index + 200));
  let count: number;
  if (afterCallee) {
    index += afterCallee[0].length;
    count = 0;
  } else {
    // Inside the list: count the arguments before `loc`.
    const open = openingBefore(text, start);
    if (open === null) return null;
    count = topLevelCommas(text.slice(open + 1, start));
  }
  let depth = 0;
  let sawArgument = !afterCallee;
  let lastSignificant = '';
  let lastComma = -1;
  for (let scanned = 0; index < text.length && scanned < MAX_SCAN; index++, scanned++) {
    const ch = text[index];
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = closingQuote(text, index);
      if (end === null) return null;
      index = end;
      sawArgument = true;
      lastSignificant = ch;
      continue;
    }
    if (ch === '#') return null;
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) {
      if (depth === 0) {
        if (ch !== ')') return null;
        const trailingComma = lastSignificant === ',';
        const total = count + (sawArgument ? 1 : 0);
        const position = (at: number) => {
          const line = text.slice(0, at).split('\n').length;
          return { line, column: at - lineStarts[line - 1] + 1 };
        };
        return { count: total, trailingComma, insertAt: position(trailingComma ? lastComma + 1 : index) };
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      count++;
      lastComma = index;
      lastSignificant = ',';
      sawArgument = false;
      continue;
    }
    if (!/\s/.test(ch)) {
      sawArgument = true;
      lastSignificant = ch;
    }
  }
  return null;
}

function closingQuote(text: string, start: number): number | null {
  const quote = text[start];
  const triple = quote !== '`' && text.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  for (let index = start + delimiter.length; index < text.length; index++) {
    if (text[index] === '\\') {
      index++;
      continue;
    }
    if (text.startsWith(delimiter, index)) return index + delimiter.length - 1;
    if (!triple && quote !== '`' && text[index] === '\n') return null;
  }
  return null;
}

/** The `(` that opens the list enclosing `offset`, scanning back over balanced brackets (strings ignored: rare in front of a name argument). */
function openingBefore(text: string, offset: number): number | null {
  let depth = 0;
  for (let index = offset - 1, scanned = 0; index >= 0 && scanned < MAX_SCAN; index--, scanned++) {
    const ch = text[index];
    if (CLOSERS.includes(ch)) depth++;
    else if (OPENERS.includes(ch)) {
      if (depth === 0) return ch === '(' ? index : null;
      depth--;
    }
  }
  return null;
}

function topLevelCommas(segment: string): number {
  let depth = 0;
  let commas = 0;
  for (const ch of segment) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) commas++;
  }
  return commas;
}
