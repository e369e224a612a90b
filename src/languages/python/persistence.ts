import { lastSegmentNames, matchesAny } from '../../catalog/patterns';
import { persistenceShapes } from '../../catalog/artifacts';
import { calleeOrigin, mayEndIn, type PythonContext } from './context';
import { firstSlot, readSlot } from './slots';
import { staticValue } from './values';

const saveNames = lastSegmentNames(persistenceShapes.flatMap((shape) => shape.python ?? []));

/**
 * Model saves to local paths and model logging to registries/trackers
 * (catalog/artifacts.ts `persistenceShapes`), as `model-save` and
 * `model-lineage` artifacts. Unlike hub loads, these match on an unresolved
 * receiver too: `model.save_pretrained(...)` rarely has a followed origin.
 */
export function emitPersistence(context: PythonContext): void {
  for (const site of context.model.calls) {
    if (!mayEndIn(context, site.method, saveNames)) continue;
    const origin = calleeOrigin(context, site);
    if (origin.path === '?') continue;
    const shape = persistenceShapes.find((candidate) => matchesAny(origin.path, candidate.python));
    if (!shape) continue;
    const callee = site.node.childForFieldName('function') ?? site.node;
    const pathSlot = firstSlot(shape.path, site, origin);
    const path = pathSlot ? staticValue(context.file, pathSlot.node, pathSlot.scope) : null;
    const objectNode = shape.object === 'receiver' ? callee.childForFieldName('object') : shape.object ? readSlot(shape.object, site, origin)?.node : null;
    context.facts.artifacts.push({
      kind: 'artifact',
      loc: context.loc(site.node),
      type: shape.type,
      name: path ? path.value ?? path.expression : null,
      revision: null,
      api: origin.path.replace(/\(\)/g, ''),
      ...(objectNode ? { object: objectNode.text } : {}),
    });
  }
}
