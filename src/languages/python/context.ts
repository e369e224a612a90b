import type { Node } from 'web-tree-sitter';
import type { FileFacts, Location, StaticValue } from '../../core/facts';
import { findCallShape } from '../../catalog/lookup';
import { passthroughMethods, type CallShape } from '../../catalog/sdk-calls';
import { isUnresolved, originOf, type Origin } from './resolve';
import type { CallSite, ModuleModel, Scope } from './scopes';
import { locationOf } from './syntax';
import type { ResolvedValue } from './values';

/** What the extractors share for one file. */
export interface PythonContext {
  file: string;
  model: ModuleModel;
  facts: FileFacts;
  /** Every call with its callee's origin, computed once. */
  origins: Map<number, Origin>;
  loc(node: Node): Location;
}

export function createContext(file: string, model: ModuleModel, facts: FileFacts): PythonContext {
  return { file, model, facts, origins: new Map(), loc: (node) => locationOf(file, node) };
}

export function calleeOrigin(context: PythonContext, site: CallSite): Origin {
  const cached = context.origins.get(site.node.id);
  if (cached) return cached;
  const origin = site.callee ? originOf(site.callee, site.scope) : { path: '?', chain: [], tracedBy: null };
  context.origins.set(site.node.id, origin);
  return origin;
}

/**
 * Whether a call's origin path can end in one of `names` (from `lastSegmentNames`).
 * `a.b.create(…)` ends in `create` whatever `a.b` resolves to, unless `create` is
 * a passthrough method or a member the file binds (`self.create = …`), so most
 * calls are ruled out without resolving them.
 */
export function mayEndIn(context: PythonContext, method: string | null, names: ReadonlySet<string> | null): boolean {
  return names === null || method === null || names.has(method) || passthrough.has(method) || context.model.memberNames.has(method);
}

const passthrough = new Set(passthroughMethods);

/** The receiver's own name in `a.b.llm.invoke(…)` (`llm`), for heuristics that go by names. */
export function receiverName(site: CallSite): string | null {
  const callee = site.callee;
  const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
  if (receiver?.type === 'identifier') return receiver.text;
  if (receiver?.type === 'attribute') return receiver.childForFieldName('attribute')?.text ?? null;
  return null;
}

export interface ShapeMatch {
  site: CallSite;
  origin: Origin;
  shape: CallShape;
  heuristic: boolean;
}

/**
 * The call shape of a callee path. Constructions are written with or without
 * `()` in the catalog (`langchain_openai.ChatOpenAI()`, `agents.Agent`), so both
 * spellings are tried for them.
 */
export function shapeForPath(path: string, importedModules: ReadonlySet<string>, receiverName: string | null = null): { shape: CallShape; heuristic: boolean } | null {
  if (path === '?') return null;
  const direct = findCallShape(path, 'python', importedModules, receiverName);
  if (direct || isUnresolved(path)) return direct;
  const constructed = findCallShape(`${path}()`, 'python', importedModules);
  return constructed?.shape.construct ? constructed : null;
}

/** Name of the function around a scope (`Class.method`, `outer.inner`); null at module or class level. */
export function enclosingFunction(scope: Scope): string | null {
  for (let current: Scope | null = scope; current; current = current.parent) {
    if (current.kind === 'function') return current.qualifiedName;
  }
  return null;
}

/** A fact's StaticValue, without the syntax node kept for internal use. */
export function toStaticValue(value: ResolvedValue): StaticValue {
  return { value: value.value, expression: value.expression, loc: value.loc, via: value.via };
}
