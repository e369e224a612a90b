import type { Node } from 'web-tree-sitter';
import type { Prompt, PromptRole } from '../../core/facts';
import { lastSegmentNames, matchesAny } from '../../catalog/patterns';
import { messageRoles, promptTemplateShapes, type PromptTemplateShape } from '../../catalog/prompt-templates';
import type { PromptSlot } from '../../catalog/sdk-calls';
import { calleeOrigin, mayEndIn, type PythonContext } from './context';
import type { AnalysedCall } from './llm-calls';
import { originOf, resolveValue } from './resolve';
import type { Scope, ScopedNode } from './scopes';
import { readSlot } from './slots';
import { dictEntries, namedChildrenOf, plainString, unwrap } from './syntax';
import { evaluateBinding, evaluateText, listElements, type TextValue } from './text';

/** Prompt facts: call prompt slots, prompt templates and named prompt constants. */

/** Names of module/class constants read as prompts. */
export const constantNamePattern = /PROMPT|INSTRUCTION|TEMPLATE|SYSTEM|PREAMBLE/i;
const keepWithoutLiteral = new Set<PromptRole>(['system', 'developer', 'instructions']);

interface PromptSink {
  context: PythonContext;
  /** Where each prompt's text was written (node id): a constant used twice is one prompt. */
  seen: Set<number>;
}

function roleOfName(name: string): PromptRole {
  const upper = name.toUpperCase();
  if (upper.includes('SYSTEM') || upper.includes('PREAMBLE')) return 'system';
  if (upper.includes('INSTRUCTION')) return 'instructions';
  if (upper.includes('TEMPLATE')) return 'template';
  return 'unknown';
}

function emit(sink: PromptSink, text: ScopedNode, role: PromptRole, source: Prompt['source'], model: string | null, usedByCall: boolean): void {
  const written = resolveValue(text.node, text.scope);
  if (sink.seen.has(written.node.id)) return;
  const use = unwrap(text.node);
  const named = written.node.id !== use.id;
  const value = evaluateText(text.node, text.scope);
  if (value.text.trim() === '' || (!value.hasLiteral && !keepWithoutLiteral.has(role))) return;
  sink.seen.add(written.node.id);
  sink.context.facts.prompts.push(promptFact(sink.context, written.node, value, role, named ? 'constant' : source, named ? nameOf(use) : null, model, usedByCall));
}

function nameOf(node: Node): string {
  return node.type === 'attribute' ? node.childForFieldName('attribute')?.text ?? node.text : node.text;
}

function promptFact(context: PythonContext, node: Node, value: TextValue, role: PromptRole, source: Prompt['source'], name: string | null, model: string | null, usedByCall: boolean): Prompt {
  return {
    kind: 'prompt',
    loc: context.loc(node),
    role,
    text: value.text,
    source,
    name,
    assembly: { parts: value.parts, appends: value.appends, style: value.style },
    model,
    usedByCall,
    variables: value.variables,
    interpolations: value.interpolations,
  };
}

function templateShapeOf(call: Node, scope: Scope): PromptTemplateShape | null {
  const callee = call.childForFieldName('function');
  if (!callee) return null;
  const path = originOf(callee, scope).path;
  if (path === '?' || path.startsWith('?.')) return null;
  return promptTemplateShapes.find((shape) => matchesAny(path, shape.python)) ?? null;
}

function textSlot(shape: PromptTemplateShape, call: ScopedNode): ScopedNode | null {
  for (const slot of shape.slots) {
    const hit = readSlot(slot, call, null);
    if (hit) return hit;
  }
  return null;
}

/** A list of messages: dicts, `(role, text)` tuples, message objects, or a single string. */
function emitMessages(sink: PromptSink, value: ScopedNode, defaultRole: PromptRole, source: Prompt['source'], model: string | null, used: boolean): void {
  const list = listElements(value.node, value.scope);
  if (!list) {
    const resolved = resolveValue(value.node, value.scope);
    if (resolved.node.type === 'call') emitMessage(sink, resolved, defaultRole, source, model, used);
    else emit(sink, value, defaultRole, source, model, used);
    return;
  }
  for (const element of list.elements) emitMessage(sink, element, defaultRole, source, model, used);
}

function roleFrom(node: Node | undefined, fallback: PromptRole): PromptRole | null {
  if (!node) return fallback;
  const name = plainString(unwrap(node));
  if (name === null) return fallback;
  return messageRoles[name.toLowerCase()] ?? null;
}

function emitMessage(sink: PromptSink, element: ScopedNode, defaultRole: PromptRole, source: Prompt['source'], model: string | null, used: boolean): void {
  const message = resolveValue(element.node, element.scope);
  const node = message.node;
  if (node.type === 'dictionary') {
    const entries = dictEntries(node);
    const role = roleFrom(entries.get('role')?.value, defaultRole);
    const content = entries.get('content')?.value ?? entries.get('text')?.value ?? entries.get('parts')?.value;
    if (!role || !content) return;
    const blocks = listElements(content, message.scope);
    if (blocks) {
      for (const block of blocks.elements) emitMessage(sink, block, role, source, model, used);
      return;
    }
    emit(sink, { node: content, scope: message.scope }, role, source, model, used);
    return;
  }
  if (node.type === 'tuple' || node.type === 'list') {
    const [roleNode, content] = namedChildrenOf(node);
    const role = roleFrom(roleNode, defaultRole);
    if (role && content) emit(sink, { node: content, scope: message.scope }, role, source, model, used);
    return;
  }
  if (node.type === 'call') {
    const shape = templateShapeOf(node, message.scope);
    if (shape?.shape !== 'text') return;
    const text = textSlot(shape, message);
    const role = shape.role === 'template' || !shape.role ? defaultRole : shape.role;
    if (text) emit(sink, text, role, shape.source === 'template' ? 'template' : source, model, used);
    return;
  }
  emit(sink, element, defaultRole, source, model, used);
}

function emitSlot(sink: PromptSink, slot: PromptSlot, call: AnalysedCall): void {
  const hit = readSlot(slot.slot, call.match.site, call.match.origin);
  if (!hit) return;
  const model = call.model?.value.value ?? null;
  const role: PromptRole = slot.role ?? 'user';
  if (slot.shape === 'text') emit(sink, hit, role, 'inline', model, true);
  else emitMessages(sink, hit, role, 'inline', model, true);
}

/** Identifiers passed (anywhere inside the arguments) to matched calls: constants used by a call. */
function namesUsedByCalls(calls: AnalysedCall[]): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    const list = call.match.site.node.childForFieldName('arguments');
    for (const identifier of list?.descendantsOfType('identifier') ?? []) if (identifier) names.add(identifier.text);
  }
  return names;
}

const templateNames = lastSegmentNames(promptTemplateShapes.flatMap((shape) => shape.python ?? []));

/** `templates`: whether the prompt-template shapes of the catalog can match in this file (see triggers.ts). */
export function emitPrompts(context: PythonContext, calls: AnalysedCall[], templates: boolean): void {
  const sink: PromptSink = { context, seen: new Set() };
  for (const call of calls) for (const slot of call.match.shape.prompts ?? []) emitSlot(sink, slot, call);

  for (const site of templates ? context.model.calls : []) {
    if (!mayEndIn(context, site.method, templateNames)) continue;
    if (calleeOrigin(context, site).path === '?') continue;
    const shape = templateShapeOf(site.node, site.scope);
    if (!shape) continue;
    const text = textSlot(shape, site);
    if (!text) continue;
    if (shape.shape === 'messages') emitMessages(sink, text, 'user', shape.source, null, false);
    else emit(sink, text, shape.role ?? 'template', shape.source, null, false);
  }

  const usedNames = namesUsedByCalls(calls);
  for (const scope of context.model.scopes) {
    if (scope.kind === 'function') continue;
    for (const [name, bindings] of scope.bindings) {
      if (!constantNamePattern.test(name)) continue;
      const last = bindings[bindings.length - 1];
      if (last.kind !== 'value' || last.target.type !== 'identifier') continue;
      const written = unwrap(last.value);
      if (sink.seen.has(written.id)) continue;
      const value = evaluateBinding(name, last, Infinity);
      // Paths, flags and names are not prompts: the text must read like prose.
      if (!value.hasLiteral || !/\s/.test(value.text.trim())) continue;
      sink.seen.add(written.id);
      context.facts.prompts.push(promptFact(context, written, value, roleOfName(name), 'constant', name, null, usedNames.has(name)));
    }
  }
}
