/**
 * Finds a prompt's text inside an old version of its file, and tells whether a
 * prompt's versions only ever grew. The old versions are plain text (no facts),
 * so the prompt is found by an anchor that survives edits of its body: the
 * constant it is bound to (`SYSTEM_PROMPT = …`, `const SYSTEM_PROMPT = …`),
 * or, for an inline prompt, the source line it starts on (`instructions="""You are…`).
 * From the anchor a small lexer (strings, brackets, line continuations) reads
 * the expression to its end, plus the later `NAME += …` / `NAME.append(…)`
 * statements that extend it.
 */
export type RegionAnchor = { name: string } | { firstLine: string };

const MAX_REGION_CHARS = 200_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** End offset of the expression that starts at `start`: strings and brackets balanced, continued across `+`, `\` and open brackets. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  let seenContent = false;
  let lastSignificant = '';
  const limit = Math.min(text.length, start + MAX_REGION_CHARS);
  let i = start;
  while (i < limit) {
    const ch = text[i];
    const triple = text.slice(i, i + 3);
    if (triple === '"""' || triple === "'''") {
      const close = text.indexOf(triple, i + 3);
      i = close < 0 ? limit : close + 3;
      seenContent = true;
      lastSignificant = '"';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < limit && text[j] !== ch && (ch === '`' || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
      seenContent = true;
      lastSignificant = '"';
      continue;
    }
    if (ch === '#') {
      // A Python comment: skip to the line end.
      const end = text.indexOf('\n', i);
      i = end < 0 ? limit : end;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? limit : end;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) return i;
      depth--;
    } else if (ch === ';' && depth === 0) return i;
    else if (ch === '\n' && depth === 0 && seenContent && !'=+\\:'.includes(lastSignificant)) {
      const next = /^\s*(\S)/.exec(text.slice(i + 1, i + 200));
      if (!next || !'+.'.includes(next[1])) return i;
    }
    if (!/\s/.test(ch)) {
      lastSignificant = ch;
      if (!'=:'.includes(ch)) seenContent = true;
    }
    i++;
  }
  return i;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The prompt's source text in one version of its file; null when the anchor is not there. */
export function promptRegion(fileText: string, anchor: RegionAnchor): string | null {
  const lines = fileText.split('\n');
  const starts = lineStarts(fileText);
  let startLine: number;
  let startOffset: number;
  if ('name' in anchor) {
    const name = escapeRegExp(anchor.name);
    const binding = new RegExp(`^\\s*(?:(?:export\\s+)?(?:const|let|var)\\s+)?${name}\\s*(?::[^=\\n]*)?=(?!=)`);
    startLine = lines.findIndex((line) => binding.test(line));
    if (startLine < 0) return null;
    startOffset = starts[startLine] + lines[startLine].indexOf('=') + 1;
  } else {
    startLine = lines.findIndex((line) => line.trim() === anchor.firstLine);
    if (startLine < 0) return null;
    startOffset = starts[startLine];
  }
  const pieces = [fileText.slice(startOffset, expressionEnd(fileText, startOffset))];
  if ('name' in anchor) {
    // Later statements that extend the prompt: `NAME += …`, `NAME.append(…)`, `NAME.push(…)`.
    const name = escapeRegExp(anchor.name);
    const extension = new RegExp(`^\\s*${name}\\s*(?:\\+=|\\.(?:append|push|extend)\\()`);
    for (let index = startLine + 1; index < lines.length; index++) {
      if (!extension.test(lines[index])) continue;
      const operator = /\+=|\.(?:append|push|extend)\(/.exec(lines[index])!;
      const from = starts[index] + operator.index + operator[0].length;
      pieces.push(fileText.slice(from, expressionEnd(fileText, from)));
    }
  }
  return pieces.join('\n');
}

/** Content lines of a region, with quote delimiters, concatenation operators and trailing `\n` escapes taken off. */
export function contentLines(region: string): string[] {
  return region
    .split('\n')
    .map((line) => line.trim()
      // A comment after a closing quote is code, not prompt text.
      .replace(/(["'`])\s*(?:#|\/\/).*$/, '$1')
      .replace(/^\+\s*/, '')
      .replace(/^[fFrRbBuU]{0,2}(?:"""|\'\'\'|"|'|`)/, '')
      .replace(/(?:"""|\'\'\'|"|'|`)?[\s),;+\]]*$/, '')
      .replace(/^(?:\\n)+|(?:\\n)+$/g, '')
      .trim())
    .filter((line) => line.length > 0 && !/^[()[\]{},;+=]+$/.test(line));
}

function isSubsequence(small: readonly string[], large: readonly string[]): boolean {
  let at = 0;
  for (const line of large) if (at < small.length && line === small[at]) at++;
  return at === small.length;
}

export interface GrowthHistory {
  /** Distinct versions of the prompt, oldest first, since it last appeared. */
  versions: string[][];
  /** True when each version keeps every line of the one before, in order, and adds some. */
  onlyGrew: boolean;
  /** Characters of content, first and last version. */
  firstSize: number;
  lastSize: number;
}

/** Reads the successive regions of a prompt (null where the anchor was absent). */
export function growthHistory(regions: readonly (string | null)[]): GrowthHistory {
  const versions: string[][] = [];
  for (const region of regions) {
    if (region === null) {
      versions.length = 0;
      continue;
    }
    const lines = contentLines(region);
    const previous = versions[versions.length - 1];
    if (!previous || previous.join('\n') !== lines.join('\n')) versions.push(lines);
  }
  const onlyGrew = versions.every((version, index) => index === 0 || (version.length > versions[index - 1].length && isSubsequence(versions[index - 1], version)));
  const size = (lines: string[] | undefined) => (lines ?? []).reduce((sum, line) => sum + line.length, 0);
  return { versions, onlyGrew, firstSize: size(versions[0]), lastSize: size(versions[versions.length - 1]) };
}
