import ts from 'typescript';
import { emptyFacts, type FileFacts, type Location } from '../../core/facts';
import { callArtifacts } from './artifacts';
import { constantModels, llmCall } from './calls';
import type { FileContext } from './context';
import { resolveOrigin, type Origin } from './origin';
import { constantPrompts, templatePrompts } from './prompts';
import { loadedModule, normaliseModule } from './scope';
import { matchCallShape } from './shapes';
import { forEachNode, isCallLike, literalText, type CallLike } from './syntax';
import { callTools, structuralTool } from './tools';
import { callTracing } from './tracing';
import { emitFlows } from './flows';
import { importsCatalogModule } from './triggers';

function byPosition(a: { loc: Location }, b: { loc: Location }): number {
  return a.loc.line - b.loc.line || a.loc.column - b.loc.column;
}

/** One file's facts. Tracing is read first, so calls inside a traced function or span know it. */
export function extractFacts(sourceFile: ts.SourceFile, file: string): FileFacts {
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
  // Files that import nothing the catalog knows (most files of an app) need no origin resolution.
  const callPasses = importsCatalogModule(context.imports) ? calls : [];
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
    templatePrompts(context, call);
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
