import type { Node } from 'web-tree-sitter';
import type { LocalTracing, TracingSetup } from '../../core/facts';
import { lastSegmentNames, matchesAny } from '../../catalog/patterns';
import { instrumentedSdkAliases, tracingGateways, tracingShapes, type TracingShape } from '../../catalog/tracing';
import { calleeOrigin, enclosingFunction, mayEndIn, type PythonContext } from './context';
import { importSwapShape, originOf, type Origin } from './resolve';
import type { CallSite, Scope } from './scopes';
import { callArguments, namedChildrenOf, truncate, unwrap } from './syntax';

/** Tracing set-ups (tracing.ts catalog) and the tracing visible at a call site. */

function covers(shape: TracingShape, path: string): string[] {
  if (shape.coversSegment === undefined) return shape.covers ?? ['*'];
  const segment = path.split('.')[shape.coversSegment]?.replace(/\(\)$/, '');
  return segment ? [instrumentedSdkAliases[segment] ?? segment] : (shape.covers ?? ['*']);
}

/** The decorated callable's path: `@observe()` and `@observe` both name `observe`. */
function decoratorPath(decorator: Node, scope: Scope): string {
  const node = unwrap(decorator);
  const target = node.type === 'call' ? node.childForFieldName('function') ?? node : node;
  return originOf(target, scope).path;
}

function decoratorTracing(scope: Scope): { shape: TracingShape; signal: string } | null {
  for (const decorator of scope.decorators) {
    const path = decoratorPath(decorator, scope.parent ?? scope);
    const shape = tracingShapes.find((candidate) => matchesAny(path, candidate.decorators?.python));
    if (shape) return { shape, signal: `@${decorator.text}` };
  }
  return null;
}

function spanShape(item: Node, scope: Scope): TracingShape | null {
  const node = unwrap(item);
  if (node.type !== 'call') return null;
  const callee = node.childForFieldName('function');
  if (!callee) return null;
  const path = originOf(callee, scope).path;
  return tracingShapes.find((candidate) => matchesAny(path, candidate.spans?.python)) ?? null;
}

/** Tracing at a call site: a wrapped/swapped client, a gateway base URL, a traced function around it, a span block. */
export function localTracing(site: CallSite, origin: Origin, baseUrl: string | null): LocalTracing | null {
  if (origin.tracedBy) return origin.tracedBy;
  if (baseUrl) {
    const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(baseUrl)?.[1]?.toLowerCase();
    const gateway = host ? tracingGateways.find((candidate) => host === candidate.host || host.endsWith(`.${candidate.host}`)) : undefined;
    if (gateway) return { library: gateway.library, scope: 'gateway', signal: baseUrl };
  }
  for (let scope: Scope | null = site.scope; scope; scope = scope.parent) {
    if (scope.kind !== 'function') continue;
    const traced = decoratorTracing(scope);
    if (traced) return { library: traced.shape.library, scope: 'function', signal: traced.signal };
  }
  for (let chain = site.withs; chain; chain = chain.next) {
    const shape = spanShape(chain.item, site.scope);
    if (shape) return { library: shape.library, scope: 'block', signal: truncate(chain.item.text, 120) };
  }
  return null;
}

function assignedName(call: Node): string | null {
  const parent = call.parent;
  if (parent?.type !== 'assignment') return null;
  return parent.childForFieldName('left')?.text ?? null;
}

const setupCallNames = lastSegmentNames(tracingShapes.flatMap((shape) => shape.calls?.python ?? []));

export function emitTracing(context: PythonContext): void {
  const out = context.facts.tracing;
  const push = (node: Node, shape: TracingShape, scope: TracingSetup['scope'], coverage: string[], target: string | null, signal: string) =>
    out.push({ kind: 'tracing', loc: context.loc(node), library: shape.library, scope, covers: coverage, target, signal: truncate(signal, 160) });

  for (const site of context.model.calls) {
    if (!mayEndIn(context, site.method, setupCallNames)) continue;
    const origin = calleeOrigin(context, site);
    if (origin.path === '?') continue;
    const shape = tracingShapes.find((candidate) => matchesAny(origin.path, candidate.calls?.python));
    if (!shape) continue;
    if (shape.scope === 'disabled') {
      const first = callArguments(site.node).positional[0];
      if (first && first.text === 'False') continue;
    }
    const scope = shape.scope === 'function' ? 'global' : shape.scope;
    push(site.node, shape, scope, covers(shape, origin.path), shape.scope === 'client' ? assignedName(site.node) : null, site.node.text);
  }
  for (const assignment of context.model.attributeAssignments) {
    const path = originOf(assignment.target, assignment.scope).path;
    const shape = tracingShapes.find((candidate) => matchesAny(path, candidate.calls?.python));
    if (shape) push(assignment.target, shape, shape.scope === 'function' ? 'global' : shape.scope, covers(shape, path), null, assignment.target.parent?.text ?? assignment.target.text);
  }
  for (const scope of context.model.scopes) {
    if (scope.kind !== 'function') continue;
    const traced = decoratorTracing(scope);
    const name = scope.node?.childForFieldName('name');
    if (traced && name) push(name, traced.shape, 'function', traced.shape.covers ?? ['*'], scope.qualifiedName, traced.signal);
  }
  for (const item of context.model.withItems) {
    const shape = spanShape(item.node, item.scope);
    if (shape) push(item.node, shape, 'function', shape.covers ?? ['*'], enclosingFunction(item.scope), item.node.text);
  }
  for (const statement of context.model.imports) {
    const module = statement.node.childForFieldName('module_name');
    const modules = module ? [module.text] : statement.node.childrenForFieldName('name').map((name) => (name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text) ?? '');
    for (const name of modules) {
      const shape = importSwapShape(name);
      if (shape) {
        const locals = namedChildrenOf(statement.node).filter((child) => child.id !== module?.id).map((child) => (child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text));
        push(statement.node, shape, 'client', shape.covers ?? ['*'], locals.join(', ') || null, statement.node.text);
        break;
      }
    }
  }
}
