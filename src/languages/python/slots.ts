import type { Node } from 'web-tree-sitter';
import { originOf, resolveToCall, resolveValue, type Origin } from './resolve';
import type { ScopedNode } from './scopes';
import { callArguments, dictEntries } from './syntax';

/**
 * Reads the slot mini-language of sdk-calls.ts (`kw:model`, `arg:0`,
 * `obj:0.model`, `ctor.…`, `argctor:N.…`, `chain.M.…`) on a Python call.
 */

export interface SlotHit extends ScopedNode {
  /** Constructions the slot was read through (they count as used by the call). */
  through: Node[];
}

/** `origin` is the callee's origin; it is needed for `ctor.` and `chain.` slots only. */
export function readSlot(slot: string, call: ScopedNode, origin: Origin | null, depth = 0): SlotHit | null {
  if (depth > 8) return null;
  if (slot.startsWith('ctor.')) {
    const receiver = origin ?? calleeOrigin(call);
    const construction = [...(receiver?.chain ?? [])].reverse().find((link) => !link.passthrough);
    if (!construction) return null;
    const hit = readSlot(slot.slice(5), construction, null, depth + 1);
    return hit ? { ...hit, through: [construction.node, ...hit.through] } : null;
  }
  const argctor = /^argctor:(\d+)\.(.+)$/.exec(slot);
  if (argctor) {
    const argument = callArguments(call.node).positional[Number(argctor[1])];
    const construction = argument ? resolveToCall(argument, call.scope) : null;
    if (!construction) return null;
    const hit = readSlot(argctor[2], construction, null, depth + 1);
    return hit ? { ...hit, through: [construction.node, ...hit.through] } : null;
  }
  const chained = /^chain\.([^.]+)\.(.+)$/.exec(slot);
  if (chained) {
    const receiver = origin ?? calleeOrigin(call);
    const link = [...(receiver?.chain ?? [])].reverse().find((candidate) => candidate.segment === chained[1]);
    return link ? readSlot(chained[2], link, null, depth + 1) : null;
  }
  const args = callArguments(call.node);
  if (slot.startsWith('kw:')) {
    const value = args.keywords.get(slot.slice(3));
    return value ? { node: value, scope: call.scope, through: [] } : null;
  }
  const positional = /^arg:(\d+)$/.exec(slot);
  if (positional) {
    const value = args.positional[Number(positional[1])];
    return value ? { node: value, scope: call.scope, through: [] } : null;
  }
  const property = /^obj:(\d+)\.(.+)$/.exec(slot);
  if (property) {
    const argument = args.positional[Number(property[1])];
    if (!argument) return null;
    const dict = resolveValue(argument, call.scope);
    if (dict.node.type !== 'dictionary') return null;
    const entry = dictEntries(dict.node).get(property[2]);
    return entry ? { node: entry.value, scope: dict.scope, through: [] } : null;
  }
  return null;
}

function calleeOrigin(call: ScopedNode): Origin | null {
  const callee = call.node.childForFieldName('function');
  return callee ? originOf(callee, call.scope) : null;
}

/** The first slot of a list that is present on the call. */
export function firstSlot(slots: readonly string[] | undefined, call: ScopedNode, origin: Origin | null): SlotHit | null {
  for (const slot of slots ?? []) {
    const hit = readSlot(slot, call, origin);
    if (hit) return hit;
  }
  return null;
}
