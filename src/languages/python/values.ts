import type { Node } from 'web-tree-sitter';
import type { StaticValue } from '../../core/facts';
import { bindingOf, maxResolveDepth, originOf } from './resolve';
import type { Binding, Scope } from './scopes';
import { callArguments, locationOf, plainString, unwrap } from './syntax';

/**
 * Static values of scalar slots (model ids, base URLs, artifact names): a
 * literal, a constant, or an honest "not known" with where it comes from.
 */

const envReaders = ['os.getenv', 'os.environ.get', 'os.environ.setdefault', 'decouple.config', 'environ.Env()'];

/** Where a static value was written: the literal, for fixes and squiggles. */
export interface ResolvedValue extends StaticValue {
  literal: Node | null;
}

export function staticValue(file: string, expression: Node, scope: Scope, depth = 0): ResolvedValue {
  const use = unwrap(expression);
  const unknown = (via: StaticValue['via']): ResolvedValue => ({ value: null, expression: use.text, loc: locationOf(file, use), via, literal: null });
  if (depth > maxResolveDepth) return unknown('unknown');
  const literal = plainString(use);
  if (literal !== null) return { value: literal, expression: use.text, loc: locationOf(file, use), via: 'literal', literal: use };
  switch (use.type) {
    case 'identifier':
    case 'attribute': {
      const binding = bindingOf(use, scope);
      if (binding?.kind === 'value') {
        const inner = staticValue(file, binding.value, binding.scope, depth + 1);
        if (inner.value !== null) return { ...inner, expression: use.text, via: 'constant' };
        return { ...inner, expression: use.text };
      }
      if (binding?.kind === 'parameter') return unknown('parameter');
      if (use.type === 'identifier') return unknown('unknown');
      const member = enumMemberValue(use, scope);
      if (member) {
        const inner = staticValue(file, member.value, member.scope, depth + 1);
        if (inner.value !== null) return { ...inner, expression: use.text, via: 'constant' };
      }
      // `settings.model`, `config.llm.name`: configuration we do not read.
      return unknown(originOf(use, scope).path.startsWith('os.environ') ? 'env' : 'settings');
    }
    case 'subscript': {
      const object = use.childForFieldName('value');
      const path = object ? originOf(object, scope).path : '?';
      return unknown(path === 'os.environ' ? 'env' : 'settings');
    }
    case 'call': {
      const callee = use.childForFieldName('function');
      const path = callee ? originOf(callee, scope).path : '?';
      if (envReaders.includes(path) || path.endsWith('.getenv')) return unknown('env');
      if (path.endsWith('.get') && callArguments(use).positional.length > 0) return unknown('settings');
      return unknown('unknown');
    }
    default:
      return unknown('unknown');
  }
}

/** `Names.GET.value`: the value a class body gives `GET` (an Enum member's `.value`). */
function enumMemberValue(use: Node, scope: Scope): Extract<Binding, { kind: 'value' }> | null {
  const object = use.childForFieldName('object');
  if (use.childForFieldName('attribute')?.text !== 'value' || object?.type !== 'attribute') return null;
  const member = bindingOf(object, scope);
  return member?.kind === 'value' && member.scope.kind === 'class' ? member : null;
}
