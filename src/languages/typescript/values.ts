import ts from 'typescript';
import type { StaticValue } from '../../core/facts';
import { vercelProviderModules } from '../../catalog/sdk-calls';
import { resolveOrigin } from './origin';
import { isReassigned, lookupBinding } from './scope';
import { matchCallShape } from './shapes';
import { readFirstSlot, readModelSlot } from './slots';
import { literalText, locationOf, textOf, unwrap, type CallLike } from './syntax';

const MAX_DEPTH = 20;

/** A string written as a literal, directly or through `const` bindings. */
export function constantString(expression: ts.Expression, depth = 0): { text: string; node: ts.Node } | null {
  const node = unwrap(expression);
  const text = literalText(node);
  if (text !== null) return { text, node };
  if (!ts.isIdentifier(node) || depth > MAX_DEPTH) return null;
  const binding = lookupBinding(node.text, node);
  if (binding?.kind !== 'variable' || binding.path.length > 0 || !binding.declaration.initializer || isReassigned(binding.declaration)) return null;
  return constantString(binding.declaration.initializer, depth + 1);
}

/** `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Deno.env.get("X")`. */
export function isEnvironmentRead(expression: ts.Expression): boolean {
  const node = unwrap(expression);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const owner = textOf(unwrap(node.expression)).replace(/\s+/g, '');
    return owner === 'process.env' || owner === 'import.meta.env' || owner === 'Bun.env';
  }
  return ts.isCallExpression(node) && textOf(node.expression).replace(/\s+/g, '') === 'Deno.env.get';
}

export interface ModelValue {
  value: StaticValue;
  /** The string literal that names the model, for ModelRef locations. */
  literal: ts.Node | null;
  /** Provider the id belongs to, when the value says so (an AI SDK provider factory, a construction's shape). */
  provider: string | null;
  /** `baseURL` of the provider instance the model came from (`createOpenAI({ baseURL })`). */
  baseUrl: string | null;
  /** Constructions whose model this value was read from: they are accounted for by the call. */
  constructions: CallLike[];
}

/** The `baseURL`/`baseUrl` given to a client or provider construction, when statically known. */
export function baseUrlOf(construction: CallLike | undefined): string | null {
  if (!construction) return null;
  const hit = readFirstSlot(['obj:0.baseURL', 'obj:0.baseUrl', 'obj:0.configuration.baseURL'], construction, null);
  return hit ? constantString(hit.value)?.text ?? null : null;
}

function unresolved(node: ts.Expression, file: string, via: StaticValue['via']): ModelValue {
  return { value: { value: null, expression: textOf(node), loc: locationOf(node, file), via }, literal: null, provider: null, baseUrl: null, constructions: [] };
}

function callModel(call: CallLike, file: string, imports: ReadonlySet<string>, depth: number): ModelValue | null {
  const origin = resolveOrigin(call.expression);
  const factoryProvider = vercelProviderModules[origin.root];
  if (factoryProvider && origin.segments.length > 0 && call.arguments?.length) {
    const inner = modelValue(call.arguments[0], file, imports, depth + 1);
    const root = origin.calls[0];
    return { ...inner, provider: factoryProvider, baseUrl: root && root !== call ? baseUrlOf(root) : null };
  }
  const match = matchCallShape(origin, imports);
  if (match?.shape.construct) {
    const hit = readModelSlot(match.shape.model, call, match.origin);
    if (!hit) return null;
    const inner = modelValue(hit.value, file, imports, depth + 1);
    return { ...inner, provider: inner.provider ?? match.shape.modelProvider ?? null, constructions: [...inner.constructions, call] };
  }
  return null;
}

/**
 * Reads a model slot's value as far as the module tells: literals and constants
 * resolve; the environment, settings objects and parameters give `value: null`
 * with `via` saying why (a default after `??` is not a guess we make).
 */
export function modelValue(expression: ts.Expression, file: string, imports: ReadonlySet<string>, depth = 0): ModelValue {
  const node = unwrap(expression);
  const text = literalText(node);
  if (text !== null) {
    return { value: { value: text, expression: textOf(node), loc: locationOf(node, file), via: 'literal' }, literal: node, provider: null, baseUrl: null, constructions: [] };
  }
  if (depth > MAX_DEPTH) return unresolved(node, file, 'unknown');
  if (ts.isIdentifier(node)) {
    const binding = lookupBinding(node.text, node);
    if (binding?.kind === 'parameter') return unresolved(node, file, 'parameter');
    if (binding?.kind === 'import') return unresolved(node, file, 'settings');
    if (binding?.kind !== 'variable' || binding.path.length > 0 || !binding.declaration.initializer || isReassigned(binding.declaration)) {
      return unresolved(node, file, binding?.kind === 'variable' ? 'settings' : 'unknown');
    }
    const inner = modelValue(binding.declaration.initializer, file, imports, depth + 1);
    const via = inner.value.via === 'literal' ? 'constant' : inner.value.via;
    return { ...inner, value: { ...inner.value, expression: node.text, via, loc: inner.literal ? inner.value.loc : locationOf(node, file) } };
  }
  if (isEnvironmentRead(node)) return unresolved(node, file, 'env');
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const left = modelValue(node.left, file, imports, depth + 1);
    return left.value.value === null ? unresolved(node, file, left.value.via) : left;
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return unresolved(node, file, 'settings');
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return callModel(node, file, imports, depth) ?? unresolved(node, file, 'unknown');
  return unresolved(node, file, 'unknown');
}

/** A string that looks like a model id (`gpt-4o`, `claude-sonnet-4-5`, `llama3:8b`), not a path, URL or sentence. */
export function looksLikeModelId(text: string): boolean {
  return text.length > 1 && text.length <= 100 && /^[A-Za-z][\w.:/@-]*$/.test(text) && /\d|-/.test(text) && !text.includes('://');
}
