import { findCallShape } from '../../catalog/lookup';
import type { CallShape } from '../../catalog/sdk-calls';
import { originPaths, type Origin } from './origin';

export interface ShapeMatch {
  shape: CallShape;
  heuristic: boolean;
  /** Origin of the callee (`client.chat.completions.create` → `openai.default().chat.completions.create`). */
  origin: Origin;
}

/**
 * The call shape a call or construction matches, given its callee's origin. Constructions are matched on
 * the callee path and on the constructed value (`@langchain/openai.ChatOpenAI()`),
 * the latter only against `construct` shapes.
 */
export function matchCallShape(origin: Origin, importedModules: ReadonlySet<string>): ShapeMatch | null {
  for (const path of originPaths(origin)) {
    const found = findCallShape(path, 'ts', importedModules);
    if (found) return { ...found, origin };
  }
  if (origin.root === '?') return null;
  for (const path of originPaths(origin, '()')) {
    const found = findCallShape(path, 'ts', importedModules);
    if (found?.shape.construct) return { ...found, origin };
  }
  return null;
}
