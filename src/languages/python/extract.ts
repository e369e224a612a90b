import type { Tree } from 'web-tree-sitter';
import { emptyFacts } from '../../core/facts';
import type { ExtractResult } from '../../core/frontend';
import { emitArtifacts } from './artifacts';
import { createContext } from './context';
import { emitFlows } from './flows';
import { emitListedFunctionTools } from './listed-tools';
import { emitLlmCalls, matchCalls } from './llm-calls';
import { emitModels } from './models';
import { emitPersistence } from './persistence';
import { emitPrompts } from './prompts';
import { buildModuleModel, countSyntaxErrors } from './scopes';
import { emitTools } from './tools';
import { emitTracing } from './tracing';
import { catalogPasses, mayHoldStructuralFacts } from './triggers';

/**
 * Facts of one parsed module. The text says beforehand which passes can find
 * anything (triggers.ts): a file that names no catalog module skips every call
 * pass, and one that also has no prompt/model constant or schema word is not
 * walked at all.
 */
export function extractFromTree(tree: Tree, file: string, source: string): ExtractResult {
  const passes = catalogPasses(source);
  if (passes.size === 0 && !mayHoldStructuralFacts(source)) {
    return { facts: emptyFacts(), syntaxErrors: tree.rootNode.hasError ? countSyntaxErrors(tree) : 0 };
  }
  const model = buildModuleModel(tree, source, { calls: passes.size > 0 });
  const facts = emptyFacts();
  const context = createContext(file, model, facts);
  const calls = passes.has('llmCalls') ? emitLlmCalls(context, matchCalls(context)) : [];
  emitModels(context, calls);
  emitPrompts(context, calls, passes.has('templates'));
  emitTools(context, passes.has('tools'));
  emitListedFunctionTools(context, calls);
  if (passes.has('tracing')) emitTracing(context);
  if (passes.has('artifacts')) emitArtifacts(context);
  if (passes.has('persistence')) emitPersistence(context);
  emitFlows(context, calls, tree, source);
  return { facts, syntaxErrors: model.syntaxErrors };
}
