import ts from 'typescript';
import type { Prompt, PromptRole } from '../../core/facts';
import { messageRoles, promptTemplateShapes } from '../../catalog/prompt-templates';
import type { PromptSlot } from '../../catalog/sdk-calls';
import { locationKey, type FileContext } from './context';
import { originMatches, resolveOrigin, type Origin } from './origin';
import { readFirstSlot, readSlot, followVariable } from './slots';
import { literalText, locationOf, objectProperty, unwrap, type CallLike } from './syntax';
import { placeholders, resolveText, type TextValue } from './text';

export interface PromptUse {
  model: string | null;
  usedByCall: boolean;
}

const NOT_USED: PromptUse = { model: null, usedByCall: false };

/** Records a prompt once per location; a later use by a call upgrades the constant's entry. */
function record(context: FileContext, value: TextValue, role: PromptRole, source: Prompt['source'], use: PromptUse): void {
  const loc = locationOf(value.node, context.file);
  const key = locationKey(loc);
  const known = context.prompts.get(key);
  if (known) {
    if (use.usedByCall) {
      known.usedByCall = true;
      known.model = known.model ?? use.model;
      if (known.role === 'unknown' || known.role === 'template') known.role = role;
    }
    return;
  }
  const prompt: Prompt = {
    kind: 'prompt', loc, role, text: value.text, source: value.name && source === 'inline' ? 'constant' : source, name: value.name,
    assembly: value.assembly, model: use.model, usedByCall: use.usedByCall, variables: placeholders(value.text), interpolations: value.interpolations,
  };
  context.prompts.set(key, prompt);
  context.facts.prompts.push(prompt);
}

/** Text of a content value: a string, or content parts (`[{ type: "text", text }]`). */
function contentText(expression: ts.Expression): TextValue | null {
  const node = followVariable(expression);
  if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) {
      const part = unwrap(element);
      const text = ts.isObjectLiteralExpression(part) ? objectProperty(part, 'text') : null;
      if (text) return resolveText(text.value);
    }
    return null;
  }
  return resolveText(expression);
}

function messagePrompt(context: FileContext, element: ts.Expression, use: PromptUse): void {
  // A message may be built first (`const system = { role: 'system', … }; messages: [system, …]`).
  const node = followVariable(element);
  if (ts.isObjectLiteralExpression(node)) {
    const roleValue = objectProperty(node, 'role');
    const role = roleValue ? messageRoles[literalText(unwrap(roleValue.value)) ?? ''] : undefined;
    const content = objectProperty(node, 'content') ?? objectProperty(node, 'text');
    const value = content ? contentText(content.value) : null;
    if (role && value) record(context, value, role, 'inline', use);
  } else if (ts.isArrayLiteralExpression(node) && node.elements.length === 2) {
    // LangChain tuple: ["system", "…"]
    const role = messageRoles[literalText(unwrap(node.elements[0])) ?? ''];
    const value = resolveText(node.elements[1]);
    if (role && value) record(context, value, role, 'template', use);
  } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    templatePrompts(context, node, use);
  }
}

/** A `messages` value: a list of messages, or a plain string (the user's input). */
function messagesPrompts(context: FileContext, expression: ts.Expression, use: PromptUse): void {
  const node = followVariable(expression);
  if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) if (!ts.isSpreadElement(element)) messagePrompt(context, element, use);
    return;
  }
  const value = resolveText(expression);
  if (value) record(context, value, 'user', 'inline', use);
}

/** Prompts in the prompt slots of a matched call. */
export function callPrompts(context: FileContext, slots: readonly PromptSlot[] | undefined, call: CallLike, origin: Origin, use: PromptUse): void {
  for (const slot of slots ?? []) {
    const hit = readSlot(slot.slot, call, origin);
    if (!hit) continue;
    if (slot.shape === 'text') {
      const value = contentText(hit.value);
      if (value) record(context, value, slot.role ?? 'unknown', 'inline', use);
    } else messagesPrompts(context, hit.value, use);
  }
}

/** LangChain prompt templates and message classes (catalog/prompt-templates.ts). */
export function templatePrompts(context: FileContext, call: CallLike, use: PromptUse = NOT_USED, origin = resolveOrigin(call.expression)): void {
  if (origin.root === '?') return;
  for (const shape of promptTemplateShapes) {
    if (!originMatches(origin, shape.ts)) continue;
    const hit = readFirstSlot(shape.slots, call, null);
    if (!hit) return;
    if (shape.shape === 'messages') messagesPrompts(context, hit.value, use);
    else {
      const value = resolveText(hit.value);
      if (value) record(context, value, shape.role ?? 'template', shape.source, use);
    }
    return;
  }
}

const PROMPT_NAME = /prompt|instruction|template|system|preamble/i;

function roleFromName(name: string): PromptRole {
  if (/system|preamble/i.test(name)) return 'system';
  if (/instruction/i.test(name)) return 'instructions';
  if (/template/i.test(name)) return 'template';
  return 'unknown';
}

/** Module-level constants named like prompts (`SYSTEM_PROMPT`, `agentInstructions`) holding text. */
export function constantPrompts(context: FileContext): void {
  for (const statement of context.sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer || !PROMPT_NAME.test(declaration.name.text)) continue;
      const value = resolveText(declaration.name);
      if (value) record(context, value, roleFromName(declaration.name.text), 'constant', NOT_USED);
    }
  }
}
