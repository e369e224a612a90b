import type { Node } from 'web-tree-sitter';
import type { LlmCall, ToolBinding } from '../../core/facts';
import type { CallShape } from '../../catalog/sdk-calls';
import { lastSegmentNames } from '../../catalog/patterns';
import { callShapes } from '../../catalog/sdk-calls';
import { calleeOrigin, enclosingFunction, mayEndIn, receiverName, shapeForPath, toStaticValue, type PythonContext, type ShapeMatch } from './context';
import { branchAlternatives, isUnresolved, maxResolveDepth, originOf, originPreferring, receiverText, resolveToCall, resolveValue, type Origin } from './resolve';
import type { CallSite, ScopedNode } from './scopes';
import { firstSlot, readSlot } from './slots';
import { callArguments, dictEntries, plainString, unwrap } from './syntax';
import { listElements } from './text';
import { localTracing } from './tracing';
import { staticValue, type ResolvedValue } from './values';

/** LLM calls (and the model ids at their model slots) from the call shapes of the catalog. */

interface ModelResolution {
  value: ResolvedValue;
  provider: string | null;
  /** Constructions the model was read from. */
  through: Node[];
}

export interface AnalysedCall {
  match: ShapeMatch;
  model: ModelResolution | null;
}

const shapeNames = lastSegmentNames(callShapes.flatMap((shape) => [...(shape.python ?? []), ...(shape.heuristic?.python ?? [])]));

export function matchCalls(context: PythonContext): ShapeMatch[] {
  const matches: ShapeMatch[] = [];
  for (const site of context.model.calls) {
    if (!mayEndIn(context, site.method, shapeNames)) continue;
    const origin = calleeOrigin(context, site);
    const found = shapeForPath(origin.path, context.model.importedModules, isUnresolved(origin.path) ? receiverName(site) : null);
    if (found) matches.push({ site, origin, shape: found.shape, heuristic: found.heuristic });
    else {
      const alternative = branchMatch(context, site);
      if (alternative) matches.push(alternative);
    }
  }
  return matches;
}

/**
 * A client bound in several branches (`if …: client = OpenAI() elif …: client = Memory()`):
 * when the textual last binding matches nothing but another branch's does, the call is that SDK's.
 */
function branchMatch(context: PythonContext, site: CallSite): ShapeMatch | null {
  const callee = site.node.childForFieldName('function');
  if (!callee) return null;
  for (const binding of branchAlternatives(callee, site.scope)) {
    const origin = originPreferring(callee, site.scope, binding);
    const found = shapeForPath(origin.path, context.model.importedModules);
    if (!found) continue;
    context.origins.set(site.node.id, origin);
    return { site, origin, shape: found.shape, heuristic: found.heuristic };
  }
  return null;
}

function providerOf(shape: CallShape, id: string | null): string {
  const prefix = id ? /^([a-z][a-z0-9_-]*)[/:](?!\/)/.exec(id) : null;
  if (shape.providerPrefix && prefix) return prefix[1];
  return shape.modelProvider ?? shape.provider;
}

/** The model of a call: a static id, or a construction (`llm=ChatOpenAI(model=…)`) whose model slot is read in turn. */
function resolveModel(context: PythonContext, shape: CallShape, call: ScopedNode, origin: Origin | null, depth = 0): ModelResolution | null {
  if (depth > maxResolveDepth) return null;
  for (const slot of shape.model ?? []) {
    const hit = readSlot(slot, call, origin);
    if (!hit) continue;
    const value = staticValue(context.file, hit.node, hit.scope);
    if (value.value === null) {
      const construction = resolveToCall(hit.node, hit.scope);
      const callee = construction?.node.childForFieldName('function');
      if (construction && callee) {
        const constructionOrigin = originOf(callee, construction.scope);
        const found = shapeForPath(constructionOrigin.path, context.model.importedModules);
        if (found?.shape.model) {
          const nested = resolveModel(context, found.shape, construction, constructionOrigin, depth + 1);
          if (nested) return { ...nested, through: [...hit.through, construction.node, ...nested.through] };
          // An agent without a model of its own (`Runner.run(agent)`, framework default) is still the one run here.
          return { value, provider: providerOf(shape, null), through: [...hit.through, construction.node] };
        }
      }
    }
    return { value, provider: providerOf(shape, value.value), through: hit.through };
  }
  return null;
}

function toolBinding(shape: CallShape, call: ScopedNode, origin: Origin | null, location: PythonContext['loc']): ToolBinding | null {
  const hit = firstSlot(shape.tools, call, origin);
  if (!hit) return null;
  let target = resolveValue(hit.node, hit.scope);
  // Bedrock's `toolConfig={"tools": [...]}`.
  if (target.node.type === 'dictionary') {
    const tools = dictEntries(target.node).get('tools');
    if (tools) target = { node: tools.value, scope: target.scope };
  }
  const list = listElements(target.node, target.scope);
  if (!list) return { loc: location(hit.node), count: null, names: [] };
  const names = list.elements.map((element) => toolName(element)).filter((name): name is string => name !== null);
  return { loc: location(hit.node), count: list.spread ? null : list.elements.length, names };
}

function toolName(element: ScopedNode): string | null {
  const node = unwrap(element.node);
  if (node.type === 'identifier' || node.type === 'attribute') {
    const value = resolveValue(node, element.scope);
    if (value.node.type === 'dictionary') return toolName(value);
    return node.text;
  }
  if (node.type === 'dictionary') {
    const entries = dictEntries(node);
    const name = entries.get('name')?.value;
    if (name) return plainString(name);
    const fn = entries.get('function')?.value;
    if (fn?.type === 'dictionary') {
      const inner = dictEntries(fn).get('name')?.value;
      return inner ? plainString(inner) : null;
    }
    return null;
  }
  if (node.type === 'call') {
    const name = callArguments(node).keywords.get('name');
    return name ? plainString(name) : (node.childForFieldName('function')?.text ?? null);
  }
  return null;
}

const baseUrlKeywords = ['base_url', 'api_base', 'openai_api_base', 'base_url_override'];

function baseUrlOf(context: PythonContext, origin: Origin): string | null {
  for (const link of origin.chain) {
    const args = callArguments(link.node);
    for (const keyword of baseUrlKeywords) {
      const value = args.keywords.get(keyword);
      if (!value) continue;
      const resolved = staticValue(context.file, value, link.scope);
      if (resolved.value !== null) return resolved.value;
    }
  }
  return null;
}

function llmCall(context: PythonContext, analysed: AnalysedCall): LlmCall {
  const { site, origin, shape, heuristic } = analysed.match;
  const callee = site.node.childForFieldName('function') ?? site.node;
  const baseUrl = baseUrlOf(context, origin);
  return {
    kind: 'llmCall',
    loc: context.loc(callee),
    provider: shape.provider,
    api: shape.api,
    operation: shape.operation,
    model: analysed.model ? toStaticValue(analysed.model.value) : null,
    indirect: Boolean(shape.indirect || shape.construct),
    enclosingFunction: enclosingFunction(site.scope),
    client: shape.construct ? null : receiverText(callee, site.scope),
    baseUrl,
    tools: toolBinding(shape, site, origin, context.loc),
    heuristic,
    tracedBy: localTracing(site, origin, baseUrl),
  };
}

/** Constructions passed as `argctor:N` arguments (`Runner.run(agent, …)`): run by the call even when no slot is read from them. */
function argumentConstructions(match: ShapeMatch): Node[] {
  const slots = [...(match.shape.model ?? []), ...(match.shape.tools ?? []), ...(match.shape.prompts ?? []).map((prompt) => prompt.slot)];
  const indexes = new Set(slots.map((slot) => /^argctor:(\d+)\./.exec(slot)?.[1]).filter((index): index is string => index !== undefined));
  const positional = callArguments(match.site.node).positional;
  const nodes: Node[] = [];
  for (const index of indexes) {
    const argument = positional[Number(index)];
    const construction = argument ? resolveToCall(argument, match.site.scope) : null;
    if (construction) nodes.push(construction.node);
  }
  return nodes;
}

/**
 * Emits the LLM calls. A construction (`ChatOpenAI(...)`, `Agent(...)`) is
 * reported only when no matched call in the file was made through it.
 */
export function emitLlmCalls(context: PythonContext, matches: ShapeMatch[]): AnalysedCall[] {
  const analysed: AnalysedCall[] = matches.map((match) => ({ match, model: resolveModel(context, match.shape, match.site, match.origin) }));
  const used = new Set<number>();
  for (const call of analysed) {
    if (call.match.shape.construct) continue;
    for (const link of call.match.origin.chain) used.add(link.node.id);
    for (const node of call.model?.through ?? []) used.add(node.id);
    for (const slot of call.match.shape.tools ?? []) readSlot(slot, call.match.site, call.match.origin)?.through.forEach((node) => used.add(node.id));
    for (const node of argumentConstructions(call.match)) used.add(node.id);
  }
  for (const call of analysed) {
    // A construction handed to another matched construction (`Agent(llm=ChatOpenAI(...))`) is used by it.
    if (call.match.shape.construct) for (const node of call.model?.through ?? []) used.add(node.id);
  }
  for (const call of analysed) {
    if (call.match.shape.construct && used.has(call.match.site.node.id)) continue;
    context.facts.llmCalls.push(llmCall(context, call));
  }
  return analysed;
}
