import type { PythonContext } from './context';
import type { AnalysedCall } from './llm-calls';
import { bindingOf, resolveValue } from './resolve';
import { readSlot } from './slots';
import { docstringOf, unwrap } from './syntax';
import { listElements } from './text';
import { signatureParameters, splitDocstring } from './tools';

/**
 * Plain functions that become tools only by being listed in an agent's
 * `tools=[…]`: Google ADK, agno and pydantic-ai wrap them (name, docstring,
 * signature). Functions defined in another module are not followed (the
 * front-end sees one file).
 */

const plainFunctionFrameworks = new Set(['google-adk', 'agno', 'pydantic-ai']);

export function emitListedFunctionTools(context: PythonContext, calls: AnalysedCall[]): void {
  const seen = new Set(context.facts.tools.map((tool) => `${tool.loc.line}:${tool.loc.column}`));
  for (const call of calls) {
    const { shape, site, origin } = call.match;
    if (!plainFunctionFrameworks.has(shape.provider)) continue;
    for (const slot of shape.tools ?? []) {
      const hit = readSlot(slot, site, origin);
      if (!hit) continue;
      const target = resolveValue(hit.node, hit.scope);
      for (const element of listElements(target.node, target.scope)?.elements ?? []) {
        const binding = bindingOf(unwrap(element.node), element.scope);
        if (binding?.kind !== 'definition' || binding.scope.kind !== 'function' || !binding.scope.node) continue;
        const definition = binding.scope.node;
        const nameNode = definition.childForFieldName('name');
        if (!nameNode) continue;
        const loc = context.loc(nameNode);
        const key = `${loc.line}:${loc.column}`;
        if (seen.has(key)) continue; // already a tool through a decorator, or listed by another agent
        seen.add(key);
        const documented = splitDocstring(docstringOf(definition)?.text ?? null);
        context.facts.tools.push({
          kind: 'tool', loc, name: nameNode.text, description: documented.description?.trim() || null, framework: shape.provider,
          parameters: signatureParameters(context, definition, binding.scope.parent ?? binding.scope, documented),
        });
      }
      break;
    }
  }
}
