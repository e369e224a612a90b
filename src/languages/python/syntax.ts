import type { Node } from 'web-tree-sitter';
import type { Location } from '../../core/facts';

/** Small readers over tree-sitter-python nodes, shared by the extractors. */

export function locationOf(file: string, node: Node): Location {
  // web-tree-sitter parses JS strings as UTF-16, so columns already count UTF-16 code units.
  return {
    file,
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

/** Drops parentheses and `await`, which do not change what an expression denotes. */
export function unwrap(node: Node): Node {
  let current = node;
  for (let guard = 0; guard < 64; guard++) {
    if ((current.type === 'parenthesized_expression' || current.type === 'await') && current.namedChildCount > 0) {
      const inner = current.namedChildren.find((child) => child && child.type !== 'comment');
      if (!inner) return current;
      current = inner;
    } else return current;
  }
  return current;
}

/** `name` of a callee `expr.name`, read from its text; null for any other callee. */
export function methodName(callee: Node | null): string | null {
  return callee?.type === 'attribute' ? lastName.exec(callee.text)?.[0] ?? null : null;
}

const lastName = /[\p{L}\p{N}_]+$/u;

export function namedChildrenOf(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

export interface CallArguments {
  positional: Node[];
  keywords: Map<string, Node>;
  /** True when `*x` or `**x` is passed: positions and keywords may come from elsewhere. */
  hasSplat: boolean;
}

export function callArguments(call: Node): CallArguments {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  let hasSplat = false;
  const list = call.childForFieldName('arguments');
  if (list && list.type === 'argument_list') {
    for (const argument of namedChildrenOf(list)) {
      if (argument.type === 'keyword_argument') {
        const name = argument.childForFieldName('name');
        const value = argument.childForFieldName('value');
        if (name && value) keywords.set(name.text, value);
      } else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') hasSplat = true;
      else positional.push(argument);
    }
  } else if (list) positional.push(list); // generator expression as the only argument
  return { positional, keywords, hasSplat };
}

/** Key/value pairs of a dict literal whose keys are plain strings. */
export function dictEntries(dict: Node): Map<string, { key: Node; value: Node }> {
  const entries = new Map<string, { key: Node; value: Node }>();
  for (const pair of namedChildrenOf(dict)) {
    if (pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (!key || !value || key.type !== 'string') continue;
    const text = plainString(key);
    if (text !== null) entries.set(text, { key, value });
  }
  return entries;
}

function stringPrefix(node: Node): string {
  const start = node.children.find((child) => child?.type === 'string_start');
  return (start?.text ?? '').replace(/['"]/g, '').toLowerCase();
}

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  if (body in simpleEscapes) return simpleEscapes[body];
  if (/^(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})$/.test(body)) {
    const code = parseInt(body.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
  }
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  return escape;
}

export interface StringPiece {
  /** Literal text, or the source of an f-string hole. */
  text: string;
  hole: boolean;
}

/** The pieces of one string literal: literal runs and (f-string) holes. */
export function stringPieces(node: Node): StringPiece[] {
  const prefix = stringPrefix(node);
  const raw = prefix.includes('r');
  const formatted = prefix.includes('f');
  const pieces: StringPiece[] = [];
  const pushText = (text: string) => {
    const last = pieces[pieces.length - 1];
    if (last && !last.hole) last.text += text;
    else pieces.push({ text, hole: false });
  };
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'interpolation') {
      const expression = child.childForFieldName('expression');
      pieces.push({ text: expression?.text ?? child.text.slice(1, -1), hole: true });
    } else if (child.type === 'string_content') {
      let cursor = child.startIndex;
      const base = child.startIndex;
      const content = child.text;
      for (const inner of child.children) {
        if (!inner) continue;
        pushText(content.slice(cursor - base, inner.startIndex - base));
        if (inner.type === 'escape_interpolation') pushText(formatted ? inner.text.slice(0, 1) : inner.text);
        else if (inner.type === 'escape_sequence') pushText(raw ? inner.text : decodeEscape(inner.text));
        else pushText(inner.text);
        cursor = inner.endIndex;
      }
      pushText(content.slice(cursor - base));
    } else if (child.type === 'escape_sequence') pushText(raw ? child.text : decodeEscape(child.text));
  }
  return pieces;
}

/** The value of a string literal without holes; null for f-strings with holes and non-strings. */
export function plainString(node: Node): string | null {
  if (node.type === 'concatenated_string') {
    let text = '';
    for (const part of namedChildrenOf(node)) {
      const value = plainString(part);
      if (value === null) return null;
      text += value;
    }
    return text;
  }
  if (node.type !== 'string') return null;
  const pieces = stringPieces(node);
  if (pieces.some((piece) => piece.hole)) return null;
  return pieces.map((piece) => piece.text).join('');
}

/** Docstring of a function or class body: its first statement, when that is a string. */
export function docstringOf(definition: Node): { text: string; node: Node } | null {
  const body = definition.childForFieldName('body');
  const first = body ? namedChildrenOf(body)[0] : undefined;
  if (!first || first.type !== 'expression_statement') return null;
  const expression = namedChildrenOf(first)[0];
  if (!expression) return null;
  const text = plainString(expression);
  return text === null ? null : { text: cleanDoc(text), node: expression };
}

/** `inspect.cleandoc`: strips the common indentation and surrounding blank lines. */
function cleanDoc(text: string): string {
  const lines = text.replace(/\t/g, '    ').split('\n');
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  const indent = rest.length ? Math.min(...rest.map((line) => line.length - line.trimStart().length)) : 0;
  const cleaned = [lines[0].trim(), ...lines.slice(1).map((line) => line.slice(indent).trimEnd())];
  return cleaned.join('\n').trim();
}

/** `textwrap.dedent`: strips the common leading whitespace of non-blank lines. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const indent = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(indent))).join('\n');
}

export function truncate(text: string, max = 160): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
