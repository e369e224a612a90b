import ts from 'typescript';
import type { LlmCall, ModelRef } from '../../core/facts';
import { locationKey, type FileContext } from './context';
import { receiverText } from './origin';
import { callPrompts } from './prompts';
import type { ShapeMatch } from './shapes';
import { readFirstSlot, readModelSlot } from './slots';
import { enclosingFunctionName, literalText, locationOf, type CallLike } from './syntax';
import { toolBinding } from './tools';
import { callOptionTracing, enclosingTracing, gatewayTracing } from './tracing';
import { baseUrlOf, looksLikeModelId, modelValue, type ModelValue } from './values';

/** Providers that are frameworks, not model vendors: their model ids belong to whoever the id or the factory names. */
const FRAMEWORK_PROVIDERS = new Set(['vercel-ai', 'langchain', 'langgraph', 'llamaindex', 'openai-agents', 'crewai', 'pydantic-ai', 'dspy', 'litellm']);

function prefixProvider(id: string): string | null {
  return /^([a-z][a-z-]*)\//.exec(id)?.[1] ?? null;
}

export function recordModel(context: FileContext, ref: ModelRef): void {
  const key = locationKey(ref.loc);
  const known = context.models.get(key);
  if (known) {
    if (ref.context === 'llm-call') Object.assign(known, { context: 'llm-call', provider: known.provider ?? ref.provider });
    return;
  }
  context.models.set(key, ref);
  context.facts.models.push(ref);
}

function modelProvider(match: ShapeMatch, model: ModelValue | null): string | null {
  const fromId = model?.value.value ? prefixProvider(model.value.value) : null;
  return model?.provider ?? match.shape.modelProvider ?? fromId ?? (FRAMEWORK_PROVIDERS.has(match.shape.provider) ? null : match.shape.provider);
}

/**
 * The LLM call a matched call stands for, with its model, client, tools,
 * prompts and the tracing visible at the call site.
 */
export function llmCall(context: FileContext, call: CallLike, match: ShapeMatch): LlmCall {
  const { shape, origin } = match;
  const used = new Set<ts.Node>();
  const modelHit = readModelSlot(shape.model, call, origin, used);
  const model = modelHit ? modelValue(modelHit.value, context.file, context.imports) : null;
  for (const construction of model?.constructions ?? []) used.add(construction);
  const provider = modelProvider(match, model);
  if (model?.literal && model.value.value !== null) {
    recordModel(context, { kind: 'model', loc: locationOf(model.literal, context.file), id: model.value.value, provider, context: 'llm-call' });
  }
  const baseUrl = (shape.construct ? baseUrlOf(call) : baseUrlOf(origin.calls[0])) ?? model?.baseUrl ?? null;
  const toolsHit = readFirstSlot(shape.tools, call, origin, used);
  const optionTracing = shape.construct ? null : callOptionTracing(context, call, origin);
  callPrompts(context, shape.prompts, call, origin, { model: model?.value.value ?? null, usedByCall: true });
  for (const construction of origin.calls) context.consumed.add(construction);
  for (const construction of used) context.consumed.add(construction);
  return {
    kind: 'llmCall',
    loc: locationOf(call.expression, context.file),
    provider: shape.provider,
    api: shape.api,
    operation: shape.operation,
    model: model?.value ?? null,
    indirect: shape.indirect === true,
    enclosingFunction: enclosingFunctionName(call),
    client: shape.construct ? null : receiverText(call.expression),
    baseUrl,
    tools: toolsHit ? toolBinding(toolsHit.value, context.file) : null,
    heuristic: match.heuristic,
    tracedBy: origin.tracedBy ?? gatewayTracing(baseUrl) ?? enclosingTracing(context, call) ?? optionTracing,
  };
}

const MODEL_NAME = /model/i;

/** Module-level constants named like a model (`DEFAULT_MODEL`, `embeddingModel`) holding a model id. */
export function constantModels(context: FileContext): void {
  for (const statement of context.sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer || !MODEL_NAME.test(declaration.name.text)) continue;
      const id = literalText(declaration.initializer);
      if (id === null || !looksLikeModelId(id)) continue;
      recordModel(context, { kind: 'model', loc: locationOf(declaration.initializer, context.file), id, provider: prefixProvider(id), context: 'constant' });
    }
  }
}
