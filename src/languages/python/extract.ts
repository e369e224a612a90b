import type { Tree } from 'web-tree-sitter';
import { emptyFacts } from '../../core/facts';
import type { ExtractResult } from '../../core/frontend';
import { emitArtifacts } from './artifacts';
import { createContext } from './context';
import { emitLlmCalls, matchCalls } from './llm-calls';
import { emitModels } from './models';
import { emitPrompts } from './prompts';
import { buildModuleModel } from './scopes';
import { emitTools } from './tools';
import { emitTracing } from './tracing';

/** Facts of one parsed module. */
export function extractFromTree(tree: Tree, file: string): ExtractResult {
  const model = buildModuleModel(tree);
  const facts = emptyFacts();
  const context = createContext(file, model, facts);
  const calls = emitLlmCalls(context, matchCalls(context));
  emitModels(context, calls);
  emitPrompts(context, calls);
  emitTools(context);
  emitTracing(context);
  emitArtifacts(context);
  return { facts, syntaxErrors: model.syntaxErrors };
}
