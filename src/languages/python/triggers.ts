import { artifactShapes, persistenceShapes } from '../../catalog/artifacts';
import { splitSegments } from '../../catalog/patterns';
import { sinkShapes } from '../../catalog/sinks';
import { promptTemplateShapes } from '../../catalog/prompt-templates';
import { callShapes } from '../../catalog/sdk-calls';
import { toolShapes } from '../../catalog/tool-frameworks';
import { tracingShapes } from '../../catalog/tracing';
import { modelConstantPattern } from './models';
import { constantNamePattern } from './prompts';
import { schemaToolWords } from './tools';

/**
 * A sound pre-check of which catalog passes can find anything in a file, read
 * off the raw text before any tree walk.
 *
 * Every segment of an origin path is an identifier written in the file (an
 * imported module, an imported name, an attribute), so a pattern can match only
 * when one of its literal segments occurs in the text as a word. A `?`-rooted
 * (heuristic) pattern needs an import of one of its `requiresImport` modules,
 * so the module's first segment must occur. The words come from the catalog
 * data itself; a pattern without a literal segment disables the pre-check of
 * its pass. (The front-end binds names only through import statements, so
 * `__import__("openai")` is no more followed with the pre-check than without;
 * identifiers spelled with NFKC-equivalent characters are not recognised.)
 */

export type CatalogPass = 'llmCalls' | 'tools' | 'tracing' | 'artifacts' | 'persistence' | 'templates';

type Patterns = readonly string[] | undefined;

const identifier = /^[A-Za-z_]\w*$/;

/** The words of a pattern's first literal segment (`{a,b}` gives both); null when no segment is literal. */
function literalWords(pattern: string): string[] | null {
  for (const segment of splitSegments(pattern)) {
    const name = segment.endsWith('()') ? segment.slice(0, -2) : segment;
    const alternatives = name.startsWith('{') && name.endsWith('}') ? name.slice(1, -1).split(',') : [name];
    if (alternatives.every((word) => identifier.test(word))) return alternatives;
  }
  return null;
}

/**
 * Words whose presence lets a pass match, or null when the pass must always run.
 * `heuristicModules`: the call shapes' `requiresImport`, which gate their `?`-rooted
 * patterns; elsewhere a `?` root matches any receiver and its literal segments gate it.
 */
function passWords(patterns: Patterns[], heuristicModules?: readonly string[]): Set<string> | null {
  const words = new Set((heuristicModules ?? []).map((module) => module.split(/[./]/)[0]));
  for (const list of patterns) {
    for (const pattern of list ?? []) {
      if (pattern.startsWith('?') && heuristicModules) continue;
      const found = literalWords(pattern.startsWith('?') ? `*${pattern.slice(1)}` : pattern);
      if (!found) return null;
      for (const word of found) words.add(word);
    }
  }
  return words;
}

const passes: Record<CatalogPass, Set<string> | null> = {
  llmCalls: passWords(callShapes.flatMap((shape) => [shape.python, shape.heuristic?.python]), callShapes.flatMap((shape) => (shape.heuristic?.python ? shape.heuristic.requiresImport : []))),
  tools: passWords(toolShapes.flatMap((shape) => [shape.decorators?.python, shape.calls?.python, shape.baseClasses?.python])),
  // Client wrappers and import swaps are tracing shapes too; the tracing around a call is read by the llmCalls pass.
  tracing: passWords(tracingShapes.flatMap((shape) => [shape.calls?.python, shape.decorators?.python, shape.spans?.python, shape.importSwaps?.python])),
  artifacts: passWords(artifactShapes.map((shape) => shape.python)),
  persistence: passWords(persistenceShapes.map((shape) => shape.python)),
  templates: passWords(promptTemplateShapes.map((shape) => shape.python)),
};

const alwaysOn = (Object.keys(passes) as CatalogPass[]).filter((pass) => passes[pass] === null);
const passesOfWord = new Map<string, CatalogPass[]>();
for (const pass of Object.keys(passes) as CatalogPass[]) {
  for (const word of passes[pass] ?? []) {
    const list = passesOfWord.get(word);
    if (list) list.push(pass);
    else passesOfWord.set(word, [pass]);
  }
}
const wordPattern = new RegExp(`\\b(?:${[...passesOfWord.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
const passCount = Object.keys(passes).length;

/** The catalog passes that may find something in `text`. */
export function catalogPasses(text: string): Set<CatalogPass> {
  const open = new Set<CatalogPass>(alwaysOn);
  if (passesOfWord.size === 0) return open;
  for (const match of text.matchAll(wordPattern)) {
    for (const pass of passesOfWord.get(match[0]) ?? []) open.add(pass);
    if (open.size === passCount) break;
  }
  return open;
}

/** Whether the passes that need no catalog (named prompt/model constants, schema dicts) can find anything. */
export function mayHoldStructuralFacts(text: string): boolean {
  return constantNamePattern.test(text) || modelConstantPattern.test(text) || schemaToolWords.test(text);
}

/**
 * Words a Python sink needs in the text: the callee's or method's own name (an
 * attribute or imported name is always spelled out) and the flag that makes it a
 * sink (`shell`, `unsafe_allow_html`). A file without any shape's words holds no
 * sink, so the model-output flows need not be traced.
 */
const sinkWordSets: RegExp[][] = sinkShapes
  .filter((shape) => shape.language === 'python')
  .flatMap((shape) => [...(shape.callee ?? []), ...(shape.method ?? [])].map((name) =>
    [name.split('.').pop()!, ...(shape.requiresFlag ? [shape.requiresFlag] : [])].map((word) => new RegExp(`\\b${word}\\b`))));

export function mayHoldSink(source: string): boolean {
  return sinkWordSets.some((words) => words.every((word) => word.test(source)));
}
