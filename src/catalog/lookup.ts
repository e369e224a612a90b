import { matchesAny } from './patterns';
import { callShapes, type CallShape } from './sdk-calls';

export type CatalogLanguage = 'python' | 'ts';

/**
 * The call shape an origin path matches, if any. Paths rooted at `?` (receiver
 * not followed) match only heuristic patterns, and only when the file imports
 * one of the shape's modules: `client.messages.create` in a file that never
 * imports anthropic is not an Anthropic call.
 */
export function findCallShape(path: string, language: CatalogLanguage, importedModules: ReadonlySet<string>, receiverName: string | null = null): { shape: CallShape; heuristic: boolean } | null {
  if (!path.startsWith('?')) {
    for (const shape of callShapes) if (matchesAny(path, shape[language])) return { shape, heuristic: false };
    return null;
  }
  for (const shape of callShapes) {
    const heuristic = shape.heuristic;
    if (!heuristic || !matchesAny(path, heuristic[language])) continue;
    if (heuristic.receiverNames && !(receiverName && new RegExp(heuristic.receiverNames).test(receiverName))) continue;
    if (heuristic.requiresImport.some((module) => importsModule(importedModules, module))) return { shape, heuristic: true };
  }
  return null;
}

/** True when `module` or one of its submodules is imported (`google` also counts for `google.genai` only if imported as such). */
export function importsModule(importedModules: ReadonlySet<string>, module: string): boolean {
  if (importedModules.has(module)) return true;
  for (const imported of importedModules) if (imported.startsWith(module + '.') || imported.startsWith(module + '/')) return true;
  return false;
}
