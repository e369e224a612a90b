import ts from 'typescript';
import { constructionOf, type Origin } from './origin';
import { lookupBinding } from './scope';
import { objectProperty, unwrap, type CallLike } from './syntax';

const MAX_HOPS = 20;

/** Follows plain variable bindings to the expression they were initialised with (`const params = {…}`). */
export function followVariable(expression: ts.Expression): ts.Expression {
  let node = unwrap(expression);
  for (let hops = 0; hops < MAX_HOPS && ts.isIdentifier(node); hops++) {
    const binding = lookupBinding(node.text, node);
    if (!binding || binding.kind !== 'variable' || binding.path.length > 0 || !binding.declaration.initializer) break;
    node = unwrap(binding.declaration.initializer);
  }
  return node;
}

function argument(call: CallLike, index: number): ts.Expression | null {
  const value = call.arguments?.[index];
  return value && !ts.isSpreadElement(value) ? value : null;
}

/** `obj:0.a.b`: nested properties of the object literal given as argument 0. */
function objectSlot(call: CallLike, spec: string): ts.Expression | null {
  const [index, ...names] = spec.split('.');
  let value = argument(call, Number(index));
  for (const name of names) {
    if (!value) return null;
    const object = followVariable(value);
    if (!ts.isObjectLiteralExpression(object)) return null;
    value = objectProperty(object, name)?.value ?? null;
  }
  return value;
}

/** The property key node of an `obj:` slot, for locations (`tools: {…}` → `tools`). */
export interface SlotHit {
  value: ts.Expression;
  /** The call the slot was read on (the construction for `ctor.`/`argctor:` slots). */
  call: CallLike;
}

/**
 * Evaluates a catalog slot (see catalog/sdk-calls.ts) on a call. `kw:` slots
 * are Python keyword arguments and never match here.
 */
export function readSlot(slot: string, call: CallLike, origin: Origin | null, used?: Set<ts.Node>): SlotHit | null {
  if (slot.startsWith('ctor.')) {
    const construction = origin?.calls[origin.calls.length - 1];
    return construction ? readSlot(slot.slice(5), construction, null, used) : null;
  }
  if (slot.startsWith('argctor:')) {
    const dot = slot.indexOf('.');
    const value = argument(call, Number(slot.slice(8, dot)));
    const construction = value ? constructionOf(value) : null;
    if (!construction) return null;
    const hit = readSlot(slot.slice(dot + 1), construction, null, used);
    if (hit) used?.add(construction);
    return hit;
  }
  if (slot.startsWith('chain.')) {
    const [, method, ...rest] = slot.split('.');
    const link = origin?.chain.find((entry) => entry.method === method);
    return link ? readSlot(rest.join('.'), link.call, null, used) : null;
  }
  if (slot.startsWith('arg:')) {
    const value = argument(call, Number(slot.slice(4)));
    return value ? { value, call } : null;
  }
  if (slot.startsWith('obj:')) {
    const value = objectSlot(call, slot.slice(4));
    return value ? { value, call } : null;
  }
  return null;
}

export function readFirstSlot(slots: readonly string[] | undefined, call: CallLike, origin: Origin | null, used?: Set<ts.Node>): SlotHit | null {
  for (const slot of slots ?? []) {
    const hit = readSlot(slot, call, origin, used);
    if (hit) return hit;
  }
  return null;
}

/** The first model slot holding something that can name a model (`arg:0` may be an options object instead). */
export function readModelSlot(slots: readonly string[] | undefined, call: CallLike, origin: Origin | null, used?: Set<ts.Node>): SlotHit | null {
  for (const slot of slots ?? []) {
    const hit = readSlot(slot, call, origin, used);
    const value = hit ? unwrap(hit.value) : null;
    if (hit && value && !ts.isObjectLiteralExpression(value) && !ts.isArrayLiteralExpression(value) && !ts.isFunctionLike(value)) return hit;
  }
  return null;
}
