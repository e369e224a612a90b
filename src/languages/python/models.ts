import type { Node } from 'web-tree-sitter';
import type { PythonContext } from './context';
import type { AnalysedCall } from './llm-calls';
import { plainString, unwrap } from './syntax';

/** Model ids: those at the model slots of calls, and named module/class constants that hold one. */

/** An id, not prose or a path: `gpt-4o`, `claude-3-5-sonnet-latest`, `meta-llama/Llama-3-8B`, `llama3:8b`. */
const modelIdPattern = /^[A-Za-z0-9][\w.:@/-]{1,120}$/;
const fileExtension = /\.(safetensors|bin|pt|pth|ckpt|onnx|gguf|ggml|pkl|joblib|h5|json|ya?ml|txt|py)$/i;

function looksLikeModelId(text: string): boolean {
  return modelIdPattern.test(text) && /[\d-]/.test(text) && !fileExtension.test(text) && !text.includes('//');
}

/** Names of module/class constants read as model ids. */
export const modelConstantPattern = /MODEL/i;

export function emitModels(context: PythonContext, calls: AnalysedCall[]): void {
  const seen = new Set<number>();
  const push = (literal: Node, id: string, provider: string | null, kind: string) => {
    if (seen.has(literal.id)) return;
    seen.add(literal.id);
    context.facts.models.push({ kind: 'model', loc: context.loc(literal), id, provider, context: kind });
  };
  for (const call of calls) {
    const model = call.model;
    if (model?.value.literal && model.value.value) push(model.value.literal, model.value.value, model.provider, 'llm-call');
  }
  for (const scope of context.model.scopes) {
    if (scope.kind === 'function') continue;
    for (const [name, bindings] of scope.bindings) {
      if (!modelConstantPattern.test(name)) continue;
      for (const binding of bindings) {
        if (binding.kind !== 'value') continue;
        const literal = unwrap(binding.value);
        const id = plainString(literal);
        if (id !== null && looksLikeModelId(id)) push(literal, id, null, 'constant');
      }
    }
  }
}
