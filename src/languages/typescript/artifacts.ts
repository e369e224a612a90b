import { artifactShapes } from '../../catalog/artifacts';
import type { FileContext } from './context';
import { originMatches, type Origin } from './origin';
import { readFirstSlot } from './slots';
import { locationOf, textOf, type CallLike } from './syntax';
import { constantString } from './values';

/** Hub loads (catalog/artifacts.ts `ts` entries): transformers.js `pipeline`, LangChain hub `pull`. */
export function callArtifacts(context: FileContext, call: CallLike, origin: Origin): void {
  if (origin.root === '?') return;
  for (const shape of artifactShapes) {
    if (!originMatches(origin, shape.ts)) continue;
    const nameHit = readFirstSlot(shape.name, call, origin);
    const name = nameHit ? constantString(nameHit.value)?.text ?? textOf(nameHit.value) : null;
    const revisionHit = readFirstSlot(shape.revision, call, origin);
    let revision = revisionHit ? constantString(revisionHit.value)?.text ?? textOf(revisionHit.value) : null;
    // prompt hubs pin a commit after a colon: `owner/prompt:abc123`
    if (revision === null && shape.type === 'prompt-hub' && name?.includes(':')) revision = name.slice(name.lastIndexOf(':') + 1);
    context.facts.artifacts.push({ kind: 'artifact', loc: locationOf(call.expression, context.file), type: shape.type, name, revision, api: textOf(call.expression) });
    return;
  }
}
