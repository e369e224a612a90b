import ts from 'typescript';
import type { LocalTracing } from '../../core/facts';
import { matchesAny } from '../../catalog/patterns';
import { passthroughMethods } from '../../catalog/sdk-calls';
import { tracingShapes } from '../../catalog/tracing';
import { loadedModule, lookupBinding, memberValues, type Binding } from './scope';
import { textOf, unwrap, type CallLike } from './syntax';

/**
 * Where a value comes from, as an origin path (see catalog/patterns.ts):
 * `import OpenAI from "openai"; const c = new OpenAI(); c.chat` → `openai.default().chat`.
 */
export interface Origin {
  /** Module specifier, or `?` when the root is not followed. */
  root: string;
  segments: string[];
  /** Calls and constructions on the way that produced the value, outermost receiver first (passthrough methods left out). */
  calls: CallLike[];
  /** Every method call on the way, passthrough ones included (`bindTools`), for `chain.` slots. */
  chain: { method: string; call: CallLike }[];
  /** A tracing wrapper the value went through (`wrapOpenAI(new OpenAI())`). */
  tracedBy: LocalTracing | null;
}

const MAX_DEPTH = 60;
const passthrough = new Set(passthroughMethods);
const clientWrappers = tracingShapes.filter((shape) => shape.scope === 'client' && shape.calls?.ts);

export function unknownOrigin(): Origin {
  return { root: '?', segments: [], calls: [], chain: [], tracedBy: null };
}

/**
 * The path variants an origin is matched by: `@scope/pkg/sub/mod.X` also as
 * `@scope/pkg.sub.mod.X`, so `@scope/pkg.**.X` patterns apply. `suffix` is
 * appended as written (`()` for the value a construction makes).
 */
export function originPaths(origin: Origin, suffix = ''): string[] {
  const rest = (origin.segments.length > 0 ? '.' + origin.segments.join('.') : '') + suffix;
  const paths = [origin.root + rest];
  const parts = origin.root.split('/');
  const packageLength = origin.root.startsWith('@') ? 2 : 1;
  if (origin.root !== '?' && parts.length > packageLength) {
    paths.push(parts.slice(0, packageLength).join('/') + '.' + parts.slice(packageLength).join('.') + rest);
  }
  return paths;
}

export function originMatches(origin: Origin, patterns: readonly string[] | undefined, suffix = ''): boolean {
  return patterns !== undefined && originPaths(origin, suffix).some((path) => matchesAny(path, patterns));
}

function withSegment(origin: Origin, segment: string): Origin {
  if (segment === '?') return unknownOrigin();
  return { ...origin, segments: [...origin.segments, segment] };
}

function calledOrigin(origin: Origin, call: CallLike | null): Origin {
  const calls = call ? [...origin.calls, call] : origin.calls;
  if (origin.root === '?' && origin.segments.length === 0) return { ...origin, calls };
  // a CommonJS module or namespace called directly is its default export
  const segments = origin.segments.length === 0 ? ['default()'] : [...origin.segments.slice(0, -1), origin.segments[origin.segments.length - 1] + '()'];
  return { ...origin, segments, calls };
}

function typeOrigin(type: ts.TypeNode | undefined, depth: number, visiting: Set<ts.Node>): Origin {
  if (!type || !ts.isTypeReferenceNode(type)) return unknownOrigin();
  const name = type.typeName;
  const root = ts.isIdentifier(name) ? name : name.left;
  const binding = ts.isIdentifier(root) ? lookupBinding(root.text, root) : null;
  if (!binding || binding.kind !== 'import') return unknownOrigin();
  let origin = bindingOrigin(binding, depth, visiting);
  if (ts.isQualifiedName(name)) origin = withSegment(origin, name.right.text);
  return calledOrigin(origin, null);
}

function bindingOrigin(binding: Binding, depth: number, visiting: Set<ts.Node>): Origin {
  if (binding.kind === 'import') {
    return { root: binding.module, segments: binding.exportName === null ? [] : [binding.exportName], calls: [], chain: [], tracedBy: null };
  }
  if (binding.kind === 'parameter') {
    return binding.path.length === 0 ? typeOrigin(binding.parameter.type, depth + 1, visiting) : unknownOrigin();
  }
  if (binding.kind !== 'variable' || visiting.has(binding.declaration)) return unknownOrigin();
  const { declaration } = binding;
  let origin: Origin;
  if (declaration.initializer) {
    visiting.add(declaration);
    origin = resolveWithin(declaration.initializer, depth + 1, visiting);
    visiting.delete(declaration);
  } else origin = binding.path.length === 0 ? typeOrigin(declaration.type, depth + 1, visiting) : unknownOrigin();
  for (const key of binding.path) origin = withSegment(origin, key);
  return origin;
}

function thisMemberOrigin(access: ts.PropertyAccessExpression, depth: number, visiting: Set<ts.Node>): Origin {
  for (const member of memberValues(access)) {
    if (member.value && !visiting.has(member.value)) {
      visiting.add(member.value);
      const origin = resolveWithin(member.value, depth + 1, visiting);
      visiting.delete(member.value);
      if (origin.root !== '?') return origin;
    }
    if (member.type) {
      const origin = typeOrigin(member.type, depth + 1, visiting);
      if (origin.root !== '?') return origin;
    }
  }
  return unknownOrigin();
}

function wrapperTracing(callee: Origin, call: ts.CallExpression): LocalTracing | null {
  for (const shape of clientWrappers) {
    if (originMatches(callee, shape.calls!.ts)) return { library: shape.library, scope: 'client', signal: textOf(call.expression) };
  }
  return null;
}

function callOrigin(call: ts.CallExpression, depth: number, visiting: Set<ts.Node>): Origin {
  const module = loadedModule(call);
  if (module !== null) return { root: module, segments: [], calls: [], chain: [], tracedBy: null };
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) && passthrough.has(callee.name.text)) {
    const base = resolveWithin(callee.expression, depth + 1, visiting);
    return { ...base, chain: [...base.chain, { method: callee.name.text, call }] };
  }
  const base = resolveWithin(callee, depth + 1, visiting);
  const tracing = base.root !== '?' && call.arguments.length > 0 ? wrapperTracing(base, call) : null;
  if (tracing) {
    const wrapped = resolveWithin(call.arguments[0], depth + 1, visiting);
    return { ...wrapped, tracedBy: tracing };
  }
  const origin = calledOrigin(base, call);
  return ts.isPropertyAccessExpression(callee) ? { ...origin, chain: [...origin.chain, { method: callee.name.text, call }] } : origin;
}

function resolveWithin(expression: ts.Expression, depth: number, visiting: Set<ts.Node>): Origin {
  if (depth > MAX_DEPTH) return unknownOrigin();
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) {
    const binding = lookupBinding(node.text, node);
    return binding ? bindingOrigin(binding, depth, visiting) : unknownOrigin();
  }
  if (ts.isPropertyAccessExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return thisMemberOrigin(node, depth, visiting);
    return withSegment(resolveWithin(node.expression, depth + 1, visiting), node.name.text);
  }
  if (ts.isElementAccessExpression(node)) {
    const key = ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : '?';
    return withSegment(resolveWithin(node.expression, depth + 1, visiting), key);
  }
  if (ts.isCallExpression(node)) return callOrigin(node, depth, visiting);
  if (ts.isNewExpression(node)) return calledOrigin(resolveWithin(node.expression, depth + 1, visiting), node);
  return unknownOrigin();
}

export function resolveOrigin(expression: ts.Expression): Origin {
  return resolveWithin(expression, 0, new Set());
}

/** The construction or call an expression stands for, following variables: `agent` → `new Agent({...})`. */
export function constructionOf(expression: ts.Expression): CallLike | null {
  let node = unwrap(expression);
  for (let hops = 0; hops < MAX_DEPTH; hops++) {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) return node;
    if (!ts.isIdentifier(node)) return null;
    const binding = lookupBinding(node.text, node);
    if (!binding || binding.kind !== 'variable' || binding.path.length > 0 || !binding.declaration.initializer) return null;
    node = unwrap(binding.declaration.initializer);
  }
  return null;
}

/**
 * The receiver binding of a method call as written (`this.client`, `client`,
 * `new OpenAI()`), looking through the attribute chain and passthrough calls.
 * Null for plain function calls and for names bound to an import namespace.
 */
export function receiverText(callee: ts.Expression): string | null {
  let node = unwrap(callee);
  if (!ts.isPropertyAccessExpression(node)) return null;
  node = unwrap(node.expression);
  for (let hops = 0; hops < MAX_DEPTH; hops++) {
    if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return textOf(node);
      node = unwrap(node.expression);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(unwrap(node.expression))) {
      node = unwrap((unwrap(node.expression) as ts.PropertyAccessExpression).expression);
    } else if (ts.isIdentifier(node)) {
      const binding = lookupBinding(node.text, node);
      return binding?.kind === 'import' && binding.exportName === null ? null : node.text;
    } else return textOf(node);
  }
  return null;
}
