import ts from 'typescript';
import { emptyFacts, type FileFacts, type Location } from '../../core/facts';
import { callArtifacts } from './artifacts';
import { constantModels, llmCall } from './calls';
import type { FileContext } from './context';
import { resolveOrigin, type Origin } from './origin';
import { constantPrompts, templatePrompts } from './prompts';
import { forgetScopes, loadedModule, normaliseModule } from './scope';
import { matchCallShape } from './shapes';
import { forEachNode, isCallLike, literalText, mayEndIn, type CallLike } from './syntax';
import { lastSegmentNames } from '../../catalog/patterns';
import { artifactShapes } from '../../catalog/artifacts';
import { promptTemplateShapes } from '../../catalog/prompt-templates';
import { callShapes, passthroughMethods } from '../../catalog/sdk-calls';
import { toolShapes } from '../../catalog/tool-frameworks';
import { tracingShapes } from '../../catalog/tracing';
import { callTools, structuralTool } from './tools';
import { callTracing } from './tracing';
import { emitFlows } from './flows';
import { importsCatalogModule } from './triggers';

const catalogNames = lastSegmentNames([
  ...callShapes.flatMap((shape) => [...(shape.ts ?? []), ...(shape.heuristic?.ts ?? [])]),
  ...tracingShapes.flatMap((shape) => [...(shape.calls?.ts ?? []), ...(shape.decorators?.ts ?? []), ...(shape.spans?.ts ?? []), ...(shape.callOptions?.ts ?? [])]),
  ...toolShapes.flatMap((shape) => shape.calls?.ts ?? []),
  ...artifactShapes.flatMap((shape) => shape.ts ?? []),
  ...promptTemplateShapes.flatMap((shape) => shape.ts ?? []),
  ...passthroughMethods,
// A pattern ending in a constructed wildcard (`…-*.*()`) matches `new` expressions only, which are always kept.
].filter((pattern) => !pattern.endsWith('*()')));

/** Whether a call's origin can match a catalog pattern; `new` expressions are always kept. */
function mayMatchCatalog(call: CallLike): boolean {
  return ts.isNewExpression(call) || mayEndIn(call, catalogNames);
}

function byPosition(a: { loc: Location }, b: { loc: Location }): number {
  return a.loc.line - b.loc.line || a.loc.column - b.loc.column;
}

/** One file's facts. Tracing is read first, so calls inside a traced function or span know it. */
export function extractFacts(sourceFile: ts.SourceFile, file: string): FileFacts {
  forgetScopes();
  const context: FileContext = {
    file, sourceFile, imports: new Set(), facts: emptyFacts(), prompts: new Map(), models: new Map(), consumed: new Set(), coverage: new Map(),
  };
  const calls: CallLike[] = [];
  const objects: ts.ObjectLiteralExpression[] = [];
  forEachNode(sourceFile, (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const specifier = node.moduleSpecifier ? literalText(node.moduleSpecifier) : null;
      if (specifier !== null) context.imports.add(normaliseModule(specifier));
    } else if (isCallLike(node)) {
      calls.push(node);
      const module = ts.isCallExpression(node) ? loadedModule(node) : null;
      if (module !== null) context.imports.add(module);
    } else if (ts.isObjectLiteralExpression(node)) objects.push(node);
  });

  constantPrompts(context);
  // Files that import nothing the catalog knows (most files of an app) need no origin resolution,
  // nor do calls whose method name no catalog pattern ends in.
  const callPasses = importsCatalogModule(context.imports) ? calls.filter(mayMatchCatalog) : [];
  const origins = new Map<CallLike, Origin>(callPasses.map((call) => [call, resolveOrigin(call.expression)]));
  for (const call of callPasses) callTracing(context, call, origins.get(call)!);

  const constructions: { call: CallLike; match: NonNullable<ReturnType<typeof matchCallShape>> }[] = [];
  const modelCalls: CallLike[] = [];
  for (const call of callPasses) {
    const origin = origins.get(call)!;
    const match = matchCallShape(origin, context.imports);
    if (match?.shape.construct) constructions.push({ call, match });
    else if (match) {
      context.facts.llmCalls.push(llmCall(context, call, match));
      modelCalls.push(call);
    }
    templatePrompts(context, call, undefined, origin);
    callTools(context, call, origin);
    callArtifacts(context, call, origin);
  }
  // a construction is a call of its own only when nothing in the file calls or runs it
  const constructed = constructions.map(({ call, match }) => ({ call, fact: llmCall(context, call, match) }));
  for (const { call, fact } of constructed) if (!context.consumed.has(call)) context.facts.llmCalls.push(fact);
  for (const object of objects) structuralTool(context, object);
  constantModels(context);
  emitFlows(context, modelCalls);

  for (const list of Object.values(context.facts) as { loc: Location }[][]) list.sort(byPosition);
  return context.facts;
}
