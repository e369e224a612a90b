import ts from 'typescript';
import type { Prompt } from '../../core/facts';
import { isConstDeclaration, lookupBinding } from './scope';
import { forEachNode, literalText, textOf, unwrap } from './syntax';

/** A prompt's text as assembled within the module. */
export interface TextValue {
  text: string;
  assembly: Prompt['assembly'];
  interpolations: string[];
  /** Number of parts written as literals; a value with none is not a prompt we can read. */
  literalParts: number;
  /** Where the text is defined (the literal, or a constant's initializer). */
  node: ts.Node;
  /** The constant it was bound to, if any. */
  name: string | null;
}

const MAX_DEPTH = 30;
const DEDENT_TAGS = new Set(['dedent', 'outdent', 'stripIndent', 'stripIndents']);

function literal(text: string, node: ts.Node): TextValue {
  return { text, assembly: { parts: 1, appends: 0, style: 'literal' }, interpolations: [], literalParts: 1, node, name: null };
}

function opaque(node: ts.Expression): TextValue {
  return { text: `{${textOf(node)}}`, assembly: { parts: 1, appends: 0, style: 'literal' }, interpolations: [textOf(node)], literalParts: 0, node, name: null };
}

/** Removes the indentation common to all non-blank lines, and the first and last line breaks (what `dedent` does). */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

function templateText(template: ts.TemplateLiteral, node: ts.Node): TextValue {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return literal(template.text, node);
  let text = template.head.text;
  const interpolations: string[] = [];
  for (const span of template.templateSpans) {
    interpolations.push(textOf(span.expression));
    text += '${' + textOf(span.expression) + '}' + span.literal.text;
  }
  return { text, assembly: { parts: template.templateSpans.length * 2 + 1, appends: 0, style: 'format' }, interpolations, literalParts: 1, node, name: null };
}

function combine(parts: TextValue[], separator: string, style: Prompt['assembly']['style'], node: ts.Node): TextValue {
  return {
    text: parts.map((part) => part.text).join(separator),
    assembly: { parts: parts.reduce((sum, part) => sum + part.assembly.parts, 0), appends: parts.reduce((sum, part) => sum + part.assembly.appends, 0), style },
    interpolations: parts.flatMap((part) => part.interpolations),
    literalParts: parts.reduce((sum, part) => sum + part.literalParts, 0),
    node,
    name: null,
  };
}

/** Flattens `a + b + c` into its operands. */
function concatOperands(node: ts.BinaryExpression): ts.Expression[] {
  const operands: ts.Expression[] = [];
  let current: ts.Expression = node;
  while (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    operands.unshift(current.right);
    current = unwrap(current.left);
  }
  operands.unshift(current);
  return operands;
}

/** `name += …` and `name.push(…)` after the declaration, in the scope that declares it. */
function laterAppends(declaration: ts.VariableDeclaration, name: string): { kind: 'add' | 'push'; values: ts.Expression[] }[] {
  const container = declaration.parent.parent.parent;
  const appends: { kind: 'add' | 'push'; values: ts.Expression[] }[] = [];
  forEachNode(container, (node) => {
    if (node.pos < declaration.end) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isIdentifier(node.left) && node.left.text === name) {
      if (lookupBinding(name, node.left)?.node === declaration.name) appends.push({ kind: 'add', values: [node.right] });
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'push'
      && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === name) {
      if (lookupBinding(name, node.expression.expression)?.node === declaration.name) appends.push({ kind: 'push', values: node.arguments.filter((arg) => !ts.isSpreadElement(arg)) });
    }
  });
  return appends;
}

function identifierText(node: ts.Identifier, depth: number): TextValue | null {
  const binding = lookupBinding(node.text, node);
  if (binding?.kind !== 'variable' || binding.path.length > 0 || !binding.declaration.initializer) return null;
  const declaration = binding.declaration;
  const initial = resolveTextWithin(declaration.initializer!, depth + 1);
  if (!initial) return null;
  const appends = laterAppends(declaration, node.text).filter((append) => append.kind === 'add' || ts.isArrayLiteralExpression(unwrap(declaration.initializer!)));
  if (appends.length === 0 || (isConstDeclaration(declaration) && appends.every((append) => append.kind === 'add'))) {
    return { ...initial, name: node.text };
  }
  const added = appends.flatMap((append) => append.values).map((value) => resolveTextWithin(value, depth + 1) ?? opaque(value));
  const separator = initial.assembly.style === 'list-join' ? '\n' : '';
  const whole = combine([initial, ...added], separator, 'augmented', initial.node);
  return { ...whole, assembly: { ...whole.assembly, appends: appends.length }, name: node.text };
}

/** `[...].join(sep)`: the list's items joined, a list-of-sections prompt. */
function joinText(call: ts.CallExpression, depth: number): TextValue | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'join') return null;
  const separator = call.arguments.length > 0 ? literalText(call.arguments[0]) : ',';
  if (separator === null) return null;
  const list = unwrap(callee.expression);
  // a named list (with its `.push` appends) keeps one item per line
  if (ts.isIdentifier(list)) return identifierText(list, depth);
  if (!ts.isArrayLiteralExpression(list)) return null;
  const items = list.elements.filter((element) => !ts.isSpreadElement(element)).map((element) => resolveTextWithin(element, depth + 1) ?? opaque(element));
  const joined = combine(items, separator, 'list-join', list);
  return { ...joined, assembly: { parts: items.length, appends: 0, style: 'list-join' } };
}

function resolveTextWithin(expression: ts.Expression, depth: number): TextValue | null {
  if (depth > MAX_DEPTH) return null;
  const node = unwrap(expression);
  const text = literalText(node);
  if (text !== null) return literal(text, node);
  if (ts.isTemplateExpression(node)) return templateText(node, node);
  if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && DEDENT_TAGS.has(node.tag.text)) {
    const value = templateText(node.template, node);
    return { ...value, text: dedent(value.text) };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = concatOperands(node).map((operand) => resolveTextWithin(operand, depth + 1) ?? opaque(operand));
    return combine(parts, '', 'concat', node);
  }
  if (ts.isIdentifier(node)) return identifierText(node, depth);
  if (ts.isCallExpression(node)) return joinText(node, depth);
  if (ts.isArrayLiteralExpression(node)) {
    // a list of sections (joined later): its items, one per line
    const items = node.elements.filter((element) => !ts.isSpreadElement(element)).map((element) => resolveTextWithin(element, depth + 1) ?? opaque(element));
    const joined = combine(items, '\n', 'list-join', node);
    return { ...joined, assembly: { parts: items.length, appends: 0, style: 'list-join' } };
  }
  return null;
}

/** Resolves a prompt expression to its text; null when no part of it is known. */
export function resolveText(expression: ts.Expression): TextValue | null {
  const value = resolveTextWithin(expression, 0);
  return value && value.literalParts > 0 ? value : null;
}

/** Placeholders in a prompt: `{name}`, `{{name}}`, `${expr}`. */
export function placeholders(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\$\{([^}]+)\}|\{\{\s*([\w.]+)\s*\}\}|\{([A-Za-z_][\w.]*)\}/g)) {
    found.add((match[1] ?? match[2] ?? match[3]).trim());
  }
  return [...found];
}
