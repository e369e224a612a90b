import ts from 'typescript';
import type { LocalTracing, TracingSetup } from '../../core/facts';
import { instrumentedSdkAliases, tracingGateways, tracingShapes, type TracingShape } from '../../catalog/tracing';
import type { FileContext } from './context';
import { originMatches, originPaths, type Origin } from './origin';
import { lookupBinding } from './scope';
import { readSlot } from './slots';
import { enclosingFunctionName, functionName, locationOf, propertyNameText, textOf, unwrap, type CallLike } from './syntax';

type FunctionNode = ts.FunctionLikeDeclaration;

/**
 * SDKs a matched signal covers. `coversSegment` names a path segment
 * (`mlflow.openai.autolog`); npm instrumentation packages carry the SDK in the
 * package name instead (`@arizeai/openinference-instrumentation-openai`), so a
 * missing segment falls back to the package name's last word.
 */
function covered(shape: TracingShape, origin: Origin): string[] {
  if (shape.coversSegment === undefined) return shape.covers ?? ['*'];
  const segments = originPaths(origin)[0].split('.');
  const segment = segments[shape.coversSegment] ?? /[-/]([\w]+)$/.exec(origin.root)?.[1] ?? '*';
  const name = segment.replace(/\(\)$/, '');
  return [instrumentedSdkAliases[name] ?? name];
}

/** Where a call's result is kept: `const client = wrapOpenAI(…)` → `client`, `this.client = …` → `this.client`. */
function assignmentTarget(call: CallLike): string | null {
  const holder = call.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  if (ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken) return textOf(holder.left);
  if (ts.isPropertyDeclaration(holder)) return `this.${propertyNameText(holder.name)}`;
  if (ts.isPropertyAssignment(holder)) return propertyNameText(holder.name);
  return null;
}

/** The function a higher-order wrapper receives: an inline function, or a name bound to one. */
function wrappedFunction(call: CallLike): FunctionNode | null {
  for (const argument of call.arguments ?? []) {
    const node = unwrap(argument as ts.Expression);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
    if (ts.isIdentifier(node)) {
      const binding = lookupBinding(node.text, node);
      if (binding?.kind === 'local' && ts.isFunctionDeclaration(binding.node)) return binding.node;
      const initializer = binding?.kind === 'variable' && binding.declaration.initializer ? unwrap(binding.declaration.initializer) : null;
      if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return initializer;
    }
  }
  return null;
}

function lastCallback(call: CallLike): FunctionNode | null {
  const callbacks = (call.arguments ?? []).map((argument) => unwrap(argument as ts.Expression)).filter((node) => ts.isArrowFunction(node) || ts.isFunctionExpression(node));
  return (callbacks[callbacks.length - 1] as FunctionNode | undefined) ?? null;
}

function push(context: FileContext, call: CallLike, shape: TracingShape, scope: TracingSetup['scope'], covers: string[], target: string | null): void {
  context.facts.tracing.push({ kind: 'tracing', loc: locationOf(call.expression, context.file), library: shape.library, scope, covers, target, signal: textOf(call.expression) });
}

/** Tracing set-ups a call makes (catalog/tracing.ts `ts` entries); records the functions and callbacks it covers. */
export function callTracing(context: FileContext, call: CallLike, origin: Origin): void {
  if (origin.root === '?') return;
  const constructed = ts.isNewExpression(call);
  for (const shape of tracingShapes) {
    if (originMatches(origin, shape.calls?.ts) || (constructed && originMatches(origin, shape.calls?.ts, '()'))) {
      push(context, call, shape, shape.scope, covered(shape, origin), shape.scope === 'client' ? assignmentTarget(call) : null);
      return;
    }
    if (originMatches(origin, shape.decorators?.ts)) {
      const wrapped = wrappedFunction(call);
      if (wrapped) context.coverage.set(wrapped, { library: shape.library, scope: 'function', signal: textOf(call.expression) });
      push(context, call, shape, 'function', covered(shape, origin), (wrapped && functionName(wrapped)) ?? assignmentTarget(call));
      return;
    }
    if (originMatches(origin, shape.spans?.ts)) {
      const callback = lastCallback(call);
      if (callback) context.coverage.set(callback, { library: shape.library, scope: 'block', signal: textOf(call.expression) });
      push(context, call, shape, 'function', covered(shape, origin), enclosingFunctionName(call));
      return;
    }
  }
}

/** Per-call tracing switched on by a call option (`experimental_telemetry: { isEnabled: true }`). */
export function callOptionTracing(context: FileContext, call: CallLike, origin: Origin): LocalTracing | null {
  for (const shape of tracingShapes) {
    const options = shape.callOptions;
    if (!options?.ts || !originMatches(origin, options.ts)) continue;
    // `isEnabled: isProduction` switches tracing on where it matters; only a literal `false` keeps it off.
    const hit = readSlot(options.slot, call, null);
    if (!hit || unwrap(hit.value).kind === ts.SyntaxKind.FalseKeyword) continue;
    push(context, call, shape, 'function', shape.covers ?? ['*'], enclosingFunctionName(call));
    return { library: shape.library, scope: 'function', signal: textOf(hit.value.parent) };
  }
  return null;
}

/** Tracing around a node: the nearest enclosing function or callback a tracing wrapper or span covers. */
export function enclosingTracing(context: FileContext, node: ts.Node): LocalTracing | null {
  for (let current = node.parent; current; current = current.parent) {
    const hit = context.coverage.get(current);
    if (hit) return hit;
  }
  return null;
}

export function gatewayTracing(baseUrl: string | null): LocalTracing | null {
  if (!baseUrl) return null;
  const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(baseUrl)?.[1]?.toLowerCase();
  const gateway = host ? tracingGateways.find((entry) => host === entry.host || host.endsWith('.' + entry.host)) : undefined;
  return gateway ? { library: gateway.library, scope: 'gateway', signal: baseUrl } : null;
}
