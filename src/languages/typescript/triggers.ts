import { artifactShapes } from '../../catalog/artifacts';
import { promptTemplateShapes } from '../../catalog/prompt-templates';
import { splitSegments } from '../../catalog/patterns';
import { callShapes, vercelProviderModules } from '../../catalog/sdk-calls';
import { toolShapes } from '../../catalog/tool-frameworks';
import { tracingShapes } from '../../catalog/tracing';

/**
 * A sound pre-check for the call passes (LLM calls, tools, tracing, artifacts,
 * prompt templates): in TS/JS every origin path starts with the module a name
 * was imported from, so a file that imports none of the modules the catalog's
 * `ts` patterns start with (nor a heuristic shape's `requiresImport`) cannot
 * match any of them, and its calls need no origin resolution. The modules come
 * from the catalog data; a pattern that does not start with a module name
 * switches the pre-check off.
 */
type Patterns = readonly string[] | undefined;

/** Module names, and `name-*` prefixes (`@arizeai/openinference-instrumentation-*`), that patterns start with. */
interface ModuleSet {
  names: Set<string>;
  prefixes: string[];
}

function addModulesOf(patterns: Patterns, into: ModuleSet): boolean {
  for (const pattern of patterns ?? []) {
    const first = splitSegments(pattern)[0].replace(/\(\)$/, '');
    const alternatives = first.startsWith('{') && first.endsWith('}') ? first.slice(1, -1).split(',') : [first];
    for (const module of alternatives) {
      const star = module.indexOf('*');
      if (star === -1 && module !== '' && !module.startsWith('?')) into.names.add(module);
      else if (star > 0 && star === module.length - 1) into.prefixes.push(module.slice(0, -1));
      else return false;
    }
  }
  return true;
}

function catalogModules(): ModuleSet | null {
  const patterns: Patterns[] = [
    ...callShapes.map((shape) => shape.ts),
    ...toolShapes.flatMap((shape) => [shape.calls?.ts, shape.decorators?.ts]),
    ...tracingShapes.flatMap((shape) => [shape.calls?.ts, shape.decorators?.ts, shape.spans?.ts, shape.importSwaps?.ts, shape.callOptions?.ts]),
    ...artifactShapes.map((shape) => shape.ts),
    ...promptTemplateShapes.map((shape) => shape.ts),
  ];
  const modules: ModuleSet = { names: new Set(Object.keys(vercelProviderModules)), prefixes: [] };
  for (const list of patterns) if (!addModulesOf(list, modules)) return null;
  for (const shape of callShapes) {
    if (shape.heuristic?.ts) for (const module of shape.heuristic.requiresImport) modules.names.add(module);
  }
  return modules;
}

const modules = catalogModules();

/** Whether any of a file's imported modules (normalised specifiers) can start a catalog origin path. */
export function importsCatalogModule(imports: ReadonlySet<string>): boolean {
  if (modules === null) return true;
  for (const imported of imports) {
    if (modules.names.has(imported) || modules.prefixes.some((prefix) => imported.startsWith(prefix))) return true;
    for (const module of modules.names) if (imported.startsWith(module + '/') || module.startsWith(imported + '/')) return true;
  }
  return false;
}
