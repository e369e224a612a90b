import type { Node } from 'web-tree-sitter';
import type { LocalTracing } from '../../core/facts';
import { matchesAny } from '../../catalog/patterns';
import { passthroughMethods } from '../../catalog/sdk-calls';
import { tracingShapes } from '../../catalog/tracing';
import type { Binding, Scope, ScopedNode } from './scopes';
import { callArguments, namedChildrenOf, unwrap } from './syntax';

/**
 * Follows names to what they denote: bindings in the scope chain, `self.x`
 * attributes, imports. Builds the origin paths of patterns.ts.
 */

/** Deep enough for real binding chains; stops runaway recursion on adversarial input. */
export const maxResolveDepth = 40;

export interface CallLink extends ScopedNode {
  /** The method or callable name of the call (`create`, `OpenAI`), or null for `x()` on an expression. */
  segment: string | null;
  passthrough: boolean;
}

export interface Origin {
  /** Dotted origin path; `?` roots what was not followed. */
  path: string;
  /** Calls along the path from the root, passthrough methods included (for `chain.M` slots). */
  chain: CallLink[];
  /** Tracing carried by the object: a wrapped client or an import-swapped module. */
  tracedBy: LocalTracing | null;
}

const passthrough = new Set(passthroughMethods);
const unresolved = (): Origin => ({ path: '?', chain: [], tracedBy: null });

export function isUnresolved(path: string): boolean {
  return path === '?' || path.startsWith('?.');
}

/** The binding of `name` visible at offset `position` in `scope`. */
export function lookup(name: string, scope: Scope, position: number): Binding | null {
  let current: Scope | null = scope;
  let innermost = true;
  while (current) {
    // Names bound in a class body are not visible from its methods.
    if (!(current.kind === 'class' && !innermost)) {
      const bindings = current.bindings.get(name);
      if (bindings && bindings.length) return pickBinding(bindings, innermost ? position : Infinity);
    }
    current = current.parent;
    innermost = false;
  }
  return null;
}

/** A binding that `lookup` takes for its name instead of the textual choice (see `originPreferring`). */
let preferred: Binding | null = null;

/** The last binding that took effect before `position`; the first one if none did (a loop, a later def). */
function pickBinding(bindings: Binding[], position: number): Binding {
  if (preferred && bindings.includes(preferred)) return preferred;
  let chosen: Binding | null = null;
  for (const binding of bindings) {
    const end = binding.kind === 'parameter' ? -1 : binding.end;
    if (end <= position) chosen = binding;
  }
  return chosen ?? bindings[0];
}

/** The class scope of a local class name, when `name` is one. */
function localClass(name: string, scope: Scope, position: number): Scope | null {
  const binding = lookup(name, scope, position);
  return binding?.kind === 'definition' && binding.scope.kind === 'class' ? binding.scope : null;
}

/** The value bound to `self.attr` (any method) or a class attribute, seen from a method. */
function selfAttribute(attribute: Node, scope: Scope): Binding | null {
  const object = attribute.childForFieldName('object');
  const name = attribute.childForFieldName('attribute')?.text;
  if (!object || !name || object.type !== 'identifier') return null;
  let owner: Scope | null = null;
  for (let current: Scope | null = scope; current; current = current.parent) {
    if (current.owner && object.text === current.selfName) {
      owner = current.owner;
      break;
    }
  }
  if (!owner) {
    const cls = localClass(object.text, scope, attribute.startIndex);
    if (!cls) return null;
    owner = cls;
  }
  const fromSelf = owner.selfAttributes.get(name);
  const fromClass = owner.bindings.get(name);
  // Class-level defaults come first; a `self.x = …` in __init__ wins.
  const all = [...(fromClass ?? []), ...(fromSelf ?? [])];
  if (all.length === 0) return null;
  return fromSelf?.find((binding) => binding.kind === 'value' && (binding.scope.name === '__init__')) ?? all[all.length - 1];
}

/** Resolves a name or `self.x` to its binding. */
export function bindingOf(node: Node, scope: Scope): Binding | null {
  if (node.type === 'identifier') return lookup(node.text, scope, node.startIndex);
  if (node.type === 'attribute') return selfAttribute(node, scope);
  return null;
}

const clientWrappers = tracingShapes.filter((shape) => shape.scope === 'client' && shape.calls?.python);

export function originOf(expression: Node, scope: Scope, depth = 0): Origin {
  if (depth > maxResolveDepth) return unresolved();
  const node = unwrap(expression);
  switch (node.type) {
    case 'identifier':
    case 'attribute': {
      const binding = bindingOf(node, scope);
      if (binding) return originOfBinding(binding, depth + 1);
      if (node.type === 'identifier') return unresolved();
      const object = node.childForFieldName('object');
      const name = node.childForFieldName('attribute')?.text;
      if (!object || !name) return unresolved();
      const base = originOf(object, scope, depth + 1);
      // `client.beta.chat…`: namespaces that change nothing are dropped, like passthrough calls.
      if (passthrough.has(name)) return base;
      return { ...base, path: `${base.path}.${name}` };
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      if (!callee) return unresolved();
      const calleeNode = unwrap(callee);
      const segment = calleeNode.type === 'attribute' ? calleeNode.childForFieldName('attribute')?.text ?? null : calleeNode.type === 'identifier' ? calleeNode.text : null;
      if (calleeNode.type === 'attribute' && segment && passthrough.has(segment)) {
        const object = calleeNode.childForFieldName('object');
        const base = object ? originOf(object, scope, depth + 1) : unresolved();
        return { ...base, chain: [...base.chain, { node, scope, segment, passthrough: true }] };
      }
      const base = originOf(calleeNode, scope, depth + 1);
      const wrapper = clientWrappers.find((shape) => matchesAny(base.path, shape.calls?.python));
      if (wrapper) {
        const wrapped = callArguments(node).positional[0];
        const inner = wrapped ? originOf(wrapped, scope, depth + 1) : unresolved();
        return { ...inner, tracedBy: { library: wrapper.library, scope: 'client', signal: calleeNode.text } };
      }
      const link = { node, scope, segment, passthrough: false };
      // A call on a bare `?` (a local factory, a builtin) says nothing about the result.
      if (base.path === '?') return { path: '?', chain: [link], tracedBy: null };
      return { path: `${base.path}()`, chain: [...base.chain, link], tracedBy: base.tracedBy };
    }
    case 'subscript': {
      // A generic alias (`Agent[Context](…)`, `Agent[Deps, Out](…)`) constructs the class itself;
      // indexing anything else (a list of clients, a call result) is not followed.
      const value = node.childForFieldName('value');
      const base = value ? originOf(value, scope, depth + 1) : unresolved();
      return base.chain.length === 0 && !isUnresolved(base.path) ? base : unresolved();
    }
    default:
      return unresolved();
  }
}

function originOfBinding(binding: Binding, depth: number): Origin {
  switch (binding.kind) {
    case 'import':
      return { path: binding.origin, chain: [], tracedBy: importSwapTracing(binding.module, binding.node) };
    case 'value':
      return originOf(binding.value, binding.scope, depth);
    case 'parameter': {
      const type = binding.annotation ? annotationType(binding.annotation) : null;
      if (!type) return unresolved();
      const origin = originOf(type, binding.scope.parent ?? binding.scope, depth);
      // `def f(client: OpenAI)`: the parameter is an instance of the annotated class.
      return isUnresolved(origin.path) ? unresolved() : { ...origin, path: `${origin.path}()` };
    }
    case 'definition':
      return unresolved();
  }
}

/** The class named by an annotation: `OpenAI`, `openai.OpenAI`, `Optional[OpenAI]`, `OpenAI | None`. */
function annotationType(annotation: Node): Node | null {
  let node: Node | null = annotation.type === 'type' ? namedChildrenOf(annotation)[0] ?? null : annotation;
  for (let guard = 0; node && guard < 8; guard++) {
    if (node.type === 'identifier' || node.type === 'attribute') return node;
    if (node.type === 'generic_type') {
      const [name, parameters] = namedChildrenOf(node);
      if (name?.text !== 'Optional' || !parameters) return null;
      node = namedChildrenOf(parameters)[0] ?? null;
    } else if (node.type === 'binary_operator' || node.type === 'union_type') {
      node = namedChildrenOf(node).find((child) => child.text !== 'None') ?? null;
    } else if (node.type === 'type') node = namedChildrenOf(node)[0] ?? null;
    else return null;
  }
  return null;
}

const importSwaps = tracingShapes.filter((shape) => shape.importSwaps?.python);

export function importSwapShape(module: string): (typeof tracingShapes)[number] | null {
  return importSwaps.find((shape) => matchesAny(module, shape.importSwaps?.python)) ?? null;
}

function importSwapTracing(module: string, node: Node): LocalTracing | null {
  const shape = importSwapShape(module);
  return shape ? { library: shape.library, scope: 'client', signal: node.text } : null;
}

/** Follows names to the call that produced their value (`agent` → `Agent(...)`). */
export function resolveToCall(expression: Node, scope: Scope, depth = 0): ScopedNode | null {
  if (depth > maxResolveDepth) return null;
  const node = unwrap(expression);
  if (node.type === 'call') return { node, scope };
  const binding = bindingOf(node, scope);
  if (binding?.kind === 'value') return resolveToCall(binding.value, binding.scope, depth + 1);
  return null;
}

/** Follows names to the expression they are bound to (lists, dicts, strings). */
export function resolveValue(expression: Node, scope: Scope, depth = 0): ScopedNode {
  const node = unwrap(expression);
  if (depth > maxResolveDepth) return { node, scope };
  const binding = bindingOf(node, scope);
  if (binding?.kind === 'value') return resolveValue(binding.value, binding.scope, depth + 1);
  return { node, scope };
}

/** Source text of the receiver binding of a call (`client`, `self.client`), null when it is a module. */
export function receiverText(callee: Node, scope: Scope): string | null {
  let node = unwrap(callee);
  for (let guard = 0; guard < 64; guard++) {
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      if (!object) return null;
      const inner = unwrap(object);
      if (inner.type === 'identifier' && scopeSelfName(scope) === inner.text) return node.text;
      node = inner;
      continue;
    }
    if (node.type === 'call') {
      const function_ = node.childForFieldName('function');
      const method = function_?.type === 'attribute' ? function_.childForFieldName('attribute')?.text : undefined;
      if (function_ && method && passthrough.has(method)) {
        node = function_;
        continue;
      }
      return function_ ? `${function_.text}()` : null;
    }
    if (node.type === 'identifier') {
      const binding = lookup(node.text, scope, node.startIndex);
      return binding?.kind === 'import' ? null : node.text;
    }
    return null;
  }
  return null;
}

function scopeSelfName(scope: Scope): string | null {
  for (let current: Scope | null = scope; current; current = current.parent) if (current.selfName) return current.selfName;
  return null;
}

/** The origin of `expression` when `binding` is the one taken for its name. */
export function originPreferring(expression: Node, scope: Scope, binding: Binding): Origin {
  preferred = binding;
  try {
    return originOf(expression, scope);
  } finally {
    preferred = null;
  }
}

/** The name a callee is reached through: `client` of `client.chat.completions.create`. */
function rootName(callee: Node): Node | null {
  let node = unwrap(callee);
  for (let guard = 0; guard < 64; guard++) {
    const inner = node.type === 'attribute' ? node.childForFieldName('object') : node.type === 'call' ? node.childForFieldName('function') : null;
    if (node.type === 'identifier') return node;
    if (!inner) return null;
    node = unwrap(inner);
  }
  return null;
}

/** For each `if_statement` above `node` (up to `stop`), the branch (child) that holds it. */
function branchesAbove(node: Node, stop: number): Map<number, number> {
  const branches = new Map<number, number>();
  let child = node;
  for (let guard = 0; guard < 200; guard++) {
    const parent = child.parent;
    if (!parent || parent.id === stop) break;
    if (parent.type === 'if_statement') branches.set(parent.id, child.id);
    child = parent;
  }
  return branches;
}

/** True when `a` and `b` sit in different branches of one `if`/`elif`/`else`: at most one of them runs. */
function exclusive(a: Node, b: Node, stop: number): boolean {
  const above = branchesAbove(a, stop);
  let child = b;
  for (let guard = 0; guard < 200; guard++) {
    const parent = child.parent;
    if (!parent || parent.id === stop) return false;
    const branch = above.get(parent.id);
    if (branch !== undefined) return branch !== child.id;
    child = parent;
  }
  return false;
}

/**
 * The other bindings of a callee's root name that a branch may have made instead
 * of the one picked textually (`if …: client = OpenAI() else: client = Other()`).
 */
export function branchAlternatives(callee: Node, scope: Scope): Binding[] {
  const root = rootName(callee);
  if (!root) return [];
  const picked = lookup(root.text, scope, root.startIndex);
  if (picked?.kind !== 'value') return [];
  const all = picked.scope.bindings.get(root.text) ?? [];
  if (all.length < 2) return [];
  const limit = picked.scope === scope ? root.startIndex : Infinity;
  const stop = picked.scope.node?.id ?? -1;
  return all.filter((other) => other !== picked && other.kind === 'value' && other.end <= limit && exclusive(picked.target, other.target, stop));
}
