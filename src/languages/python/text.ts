import type { Node } from 'web-tree-sitter';
import type { Prompt } from '../../core/facts';
import { bindingOf, maxResolveDepth, originOf } from './resolve';
import { listAddValues, type Binding, type Scope, type ScopedNode } from './scopes';
import { callArguments, dedent, namedChildrenOf, plainString, stringPieces, unwrap } from './syntax';

/**
 * Prompt text as far as the module tells: constants, concatenation, f-strings,
 * `.format`, `dedent`, joins of sections and `+=`/`.append` sequences.
 * What is not followed stays in the text as `{expr}`.
 */

export interface TextValue {
  text: string;
  /** True when some of the text was written literally (not all holes). */
  hasLiteral: boolean;
  parts: number;
  appends: number;
  style: Prompt['assembly']['style'];
  /** Placeholder names found in literal text: `{x}`, `{{x}}`, `${x}`. */
  variables: string[];
  /** Expressions interpolated into the text (f-string holes, `.format` arguments, unresolved names). */
  interpolations: string[];
}

const placeholderPattern = /\$\{\s*([A-Za-z_][\w.]*)\s*\}|\{\{\s*([A-Za-z_][\w.]*)\s*\}\}|\{([A-Za-z_]\w*)(?:![rsa])?(?::[^{}]*)?\}/g;

function placeholders(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(placeholderPattern)) names.push(match[1] ?? match[2] ?? match[3]);
  return names;
}

function literal(text: string, style: TextValue['style'] = 'literal'): TextValue {
  return { text, hasLiteral: text.length > 0, parts: 1, appends: 0, style, variables: placeholders(text), interpolations: [] };
}

function hole(expression: string): TextValue {
  return { text: `{${expression}}`, hasLiteral: false, parts: 1, appends: 0, style: 'literal', variables: [], interpolations: [expression] };
}

function join(values: TextValue[], separator: string, style: TextValue['style']): TextValue {
  return {
    text: values.map((value) => value.text).join(separator),
    hasLiteral: values.some((value) => value.hasLiteral) || separator.trim().length > 0,
    parts: values.reduce((sum, value) => sum + value.parts, 0),
    appends: values.reduce((sum, value) => sum + value.appends, 0),
    style,
    variables: unique([...values.flatMap((value) => value.variables), ...placeholders(separator)]),
    interpolations: unique(values.flatMap((value) => value.interpolations)),
  };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * Work left for the current top-level evaluation. Names can share
 * sub-expressions (`B = A + A; C = B + B; …`), which would otherwise
 * explode exponentially in time and text size.
 */
const maxSteps = 20000;
let stepsLeft = maxSteps;

function outOfSteps(depth: number): boolean {
  if (depth === 0) stepsLeft = maxSteps;
  return --stepsLeft < 0 || depth > maxResolveDepth;
}

export function evaluateText(expression: Node, scope: Scope, depth = 0): TextValue {
  const node = unwrap(expression);
  if (outOfSteps(depth)) return hole(node.text.length > 200 ? `${node.text.slice(0, 200)}…` : node.text);
  switch (node.type) {
    case 'string': {
      const values = stringPieces(node).map((piece) => (piece.hole ? hole(piece.text) : literal(piece.text)));
      if (values.length === 0) return literal('');
      const joined = join(values, '', 'literal');
      return { ...joined, parts: 1 };
    }
    case 'concatenated_string':
      return join(namedChildrenOf(node).map((part) => evaluateText(part, scope, depth + 1)), '', 'concat');
    case 'identifier':
    case 'attribute':
      return evaluateName(node, scope, depth);
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return hole(node.text);
      if (operator === '+') {
        // `a + b + c` nests to the left: flatten the chain so long concatenations do not hit the depth limit.
        const operands: Node[] = [right];
        let current = left;
        while (current.type === 'binary_operator' && current.childForFieldName('operator')?.text === '+') {
          const next = current.childForFieldName('left');
          const operand = current.childForFieldName('right');
          if (!next || !operand) break;
          operands.unshift(operand);
          current = next;
        }
        operands.unshift(current);
        return join(operands.map((operand) => evaluateText(operand, scope, depth + 1)), '', 'concat');
      }
      if (operator === '%') return { ...evaluateText(left, scope, depth + 1), style: 'format', interpolations: [right.text] };
      return hole(node.text);
    }
    case 'call':
      return evaluateCall(node, scope, depth);
    default:
      return hole(node.text);
  }
}

function evaluateName(node: Node, scope: Scope, depth: number): TextValue {
  const binding = bindingOf(node, scope);
  if (!binding || binding.kind !== 'value') return hole(node.text);
  if (node.type !== 'identifier') return evaluateText(binding.value, binding.scope, depth + 1);
  return evaluateBinding(node.text, binding, binding.scope === scope ? node.startIndex : Infinity, depth);
}

/** A name's value with the `name += …` that follow its binding in the same scope (up to `limit`). */
export function evaluateBinding(name: string, binding: Extract<Binding, { kind: 'value' }>, limit: number, depth = 0): TextValue {
  const base = evaluateText(binding.value, binding.scope, depth + 1);
  const augments = (binding.scope.augments.get(name) ?? []).filter((value) => value.startIndex > binding.end && value.endIndex <= limit);
  if (augments.length === 0) return base;
  const values = [base, ...augments.map((value) => evaluateText(value, binding.scope, depth + 1))];
  const joined = join(values, '', 'augmented');
  return { ...joined, appends: joined.appends + augments.length };
}

function evaluateCall(node: Node, scope: Scope, depth: number): TextValue {
  const callee = node.childForFieldName('function');
  if (!callee) return hole(node.text);
  const args = callArguments(node);
  if (callee.type === 'attribute') {
    const receiver = callee.childForFieldName('object');
    const method = callee.childForFieldName('attribute')?.text;
    if (receiver && method === 'format') {
      const base = evaluateText(receiver, scope, depth + 1);
      const passed = [...args.positional, ...args.keywords.values()].filter((value) => plainString(value) === null).map((value) => value.text);
      return { ...base, style: 'format', interpolations: unique([...base.interpolations, ...passed]) };
    }
    if (receiver && (method === 'strip' || method === 'lstrip' || method === 'rstrip') && args.positional.length === 0) {
      const base = evaluateText(receiver, scope, depth + 1);
      const text = method === 'strip' ? base.text.trim() : method === 'lstrip' ? base.text.trimStart() : base.text.trimEnd();
      return { ...base, text };
    }
    const separator = receiver ? plainString(unwrap(receiver)) : null;
    if (method === 'join' && separator !== null && args.positional[0]) {
      const list = listElements(args.positional[0], scope, depth + 1);
      if (list) {
        const joined = join(list.elements.map((element) => evaluateText(element.node, element.scope, depth + 1)), separator, 'list-join');
        return { ...joined, parts: list.elements.length, appends: joined.appends + list.appends };
      }
    }
  }
  const path = originOf(callee, scope).path;
  if ((path === 'textwrap.dedent' || path === 'inspect.cleandoc') && args.positional[0]) {
    const base = evaluateText(args.positional[0], scope, depth + 1);
    return { ...base, text: path === 'textwrap.dedent' ? dedent(base.text) : base.text.trim() };
  }
  return hole(node.text);
}

/**
 * The elements of a list literal or of a name bound to one, with the elements
 * that `.append`/`.extend`/`+=` added afterwards in the same scope.
 */
export function listElements(expression: Node, scope: Scope, depth = 0): { elements: ScopedNode[]; appends: number; spread: boolean; node: Node } | null {
  const node = unwrap(expression);
  if (outOfSteps(depth)) return null;
  if (node.type === 'list' || node.type === 'tuple') {
    const children = namedChildrenOf(node);
    return {
      elements: children.filter((child) => child.type !== 'list_splat').map((child) => ({ node: child, scope })),
      appends: 0,
      spread: children.some((child) => child.type === 'list_splat'),
      node,
    };
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const a = left ? listElements(left, scope, depth + 1) : null;
    const b = right ? listElements(right, scope, depth + 1) : null;
    if (!a || !b) return null;
    return { elements: [...a.elements, ...b.elements], appends: a.appends + b.appends, spread: a.spread || b.spread, node };
  }
  if (node.type !== 'identifier') {
    if (node.type !== 'attribute') return null;
    const binding = bindingOf(node, scope);
    return binding?.kind === 'value' ? listElements(binding.value, binding.scope, depth + 1) : null;
  }
  const binding = bindingOf(node, scope);
  if (!binding || binding.kind !== 'value') return null;
  const base = listElements(binding.value, binding.scope, depth + 1);
  if (!base) return null;
  const limit = binding.scope === scope ? node.startIndex : Infinity;
  const added: ScopedNode[] = [];
  let appends = base.appends;
  let spread = base.spread;
  const inRange = (start: number) => start > binding.end && start < limit;
  for (const call of binding.scope.listAdds.get(node.text) ?? []) {
    if (!inRange(call.startIndex)) continue;
    const method = call.childForFieldName('function')?.childForFieldName('attribute')?.text;
    for (const value of listAddValues(call)) {
      if (method === 'extend') {
        const extension = listElements(value, binding.scope, depth + 1);
        if (extension) added.push(...extension.elements);
        else spread = true;
      } else added.push({ node: value, scope: binding.scope });
    }
    appends++;
  }
  for (const value of binding.scope.augments.get(node.text) ?? []) {
    if (!inRange(value.startIndex)) continue;
    const extension = listElements(value, binding.scope, depth + 1);
    if (extension) added.push(...extension.elements);
    else spread = true;
    appends++;
  }
  return { elements: [...base.elements, ...added], appends, spread, node: base.node };
}
