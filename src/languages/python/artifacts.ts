import { lastSegmentNames, matchesAny } from '../../catalog/patterns';
import { artifactShapes } from '../../catalog/artifacts';
import { calleeOrigin, mayEndIn, type PythonContext } from './context';
import { isUnresolved } from './resolve';
import { firstSlot } from './slots';
import { staticValue } from './values';

const loadNames = lastSegmentNames(artifactShapes.flatMap((shape) => shape.python ?? []));

/** Hub loads (models, datasets, prompts) and the revision they are pinned to, if any. */
export function emitArtifacts(context: PythonContext): void {
  for (const site of context.model.calls) {
    if (!mayEndIn(context, site.method, loadNames)) continue;
    const origin = calleeOrigin(context, site);
    if (isUnresolved(origin.path)) continue;
    const shape = artifactShapes.find((candidate) => matchesAny(origin.path, candidate.python));
    if (!shape) continue;
    const nameSlot = firstSlot(shape.name, site, origin);
    const revisionSlot = firstSlot(shape.revision, site, origin);
    const revision = revisionSlot ? staticValue(context.file, revisionSlot.node, revisionSlot.scope) : null;
    const callee = site.node.childForFieldName('function') ?? site.node;
    context.facts.artifacts.push({
      kind: 'artifact',
      loc: context.loc(nameSlot?.node ?? callee),
      type: shape.type,
      name: nameSlot ? staticValue(context.file, nameSlot.node, nameSlot.scope).value : null,
      // A revision passed through a variable still pins the load: keep what is written.
      revision: revision ? revision.value ?? revision.expression : null,
      api: origin.path.replace(/\(\)/g, ''),
    });
  }
}
