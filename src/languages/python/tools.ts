import type { Node } from 'web-tree-sitter';
import type { ToolDef, ToolParameter } from '../../core/facts';
import { lastSegmentNames, matchesAny } from '../../catalog/patterns';
import { toolShapes, type ToolShape } from '../../catalog/tool-frameworks';
import { calleeOrigin, mayEndIn, type PythonContext } from './context';
import { bindingOf, isUnresolved, originOf, resolveValue } from './resolve';
import type { Scope, ScopedNode } from './scopes';
import { readSlot } from './slots';
import { callArguments, dictEntries, docstringOf, namedChildrenOf, plainString, unwrap } from './syntax';
import { staticValue } from './values';

/** Tool definitions: decorated functions, tool constructors, tool classes and JSON-schema dicts. */

export interface Documented {
  description: string | null;
  /** Parameter descriptions from a Google-style `Args:` section. */
  arguments: Map<string, string>;
}

export function splitDocstring(text: string | null): Documented {
  const result: Documented = { description: text, arguments: new Map() };
  if (!text) return result;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^\s*(Args|Arguments|Parameters|Params):\s*$/.test(line));
  if (start < 0) return result;
  result.description = lines.slice(0, start).join('\n').trim() || null;
  const headerIndent = lines[start].length - lines[start].trimStart().length;
  let current: string | null = null;
  for (const line of lines.slice(start + 1)) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && indent <= headerIndent) break;
    const entry = /^\s*\*{0,2}(\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$/.exec(line);
    if (entry) {
      current = entry[1];
      result.arguments.set(current, entry[2].trim());
    } else if (current && line.trim()) result.arguments.set(current, `${result.arguments.get(current)} ${line.trim()}`.trim());
  }
  return result;
}

function stringValue(context: PythonContext, node: Node | undefined | null, scope: Scope): string | null {
  return node ? staticValue(context.file, node, scope).value : null;
}

/** `Field(description=…)` or `Field(…, "description")`'s description, when the node is such a call. */
function fieldDescription(context: PythonContext, node: Node | null, scope: Scope): string | null {
  if (!node || node.type !== 'call') return null;
  return stringValue(context, callArguments(node).keywords.get('description'), scope);
}

/** `Annotated[str, Field(description="…")]` → type `str` and its description. */
function annotated(context: PythonContext, annotation: Node | null, scope: Scope): { type: string | null; description: string | null } {
  if (!annotation) return { type: null, description: null };
  const inner = annotation.type === 'type' ? namedChildrenOf(annotation)[0] : annotation;
  if (inner?.type === 'generic_type') {
    const [name, parameters] = namedChildrenOf(inner);
    if (name?.text === 'Annotated' && parameters) {
      const [base, ...metadata] = namedChildrenOf(parameters).map((child) => (child.type === 'type' ? namedChildrenOf(child)[0] ?? child : child));
      const description = metadata.map((item) => fieldDescription(context, item, scope) ?? plainString(item)).find((text) => text) ?? null;
      return { type: base?.text ?? null, description };
    }
  }
  return { type: annotation.text, description: null };
}

/** Parameters the framework fills in, not the model: `self`, and run contexts (`ctx: RunContext[...]`, an untyped `ctx`). */
function isContextParameter(name: string, type: string | null): boolean {
  if (name === 'self' || name === 'cls') return true;
  if (type === null) return name === 'ctx' || name === 'context';
  return /(^|\.)(RunContext|Context|ToolContext|RunContextWrapper)\b/.test(type);
}

export function signatureParameters(context: PythonContext, definition: Node, scope: Scope, documented: Documented): ToolParameter[] {
  const parameters: ToolParameter[] = [];
  const list = definition.childForFieldName('parameters');
  for (const parameter of list ? namedChildrenOf(list) : []) {
    const nameNode = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? namedChildrenOf(parameter).find((child) => child.type === 'identifier'));
    if (!nameNode || !['identifier', 'typed_parameter', 'default_parameter', 'typed_default_parameter'].includes(parameter.type)) continue;
    const { type, description } = annotated(context, parameter.childForFieldName('type'), scope);
    if (isContextParameter(nameNode.text, type)) continue;
    const defaultValue = parameter.childForFieldName('value');
    parameters.push({
      name: nameNode.text,
      type,
      description: description ?? fieldDescription(context, defaultValue, scope) ?? documented.arguments.get(nameNode.text) ?? null,
      required: !defaultValue,
    });
  }
  return parameters;
}

/** Fields of a pydantic model class (`args_schema`). */
function classFields(context: PythonContext, classScope: Scope): ToolParameter[] {
  const body = classScope.node?.childForFieldName('body');
  const fields: ToolParameter[] = [];
  for (const statement of body ? namedChildrenOf(body) : []) {
    const assignment = statement.type === 'expression_statement' ? namedChildrenOf(statement)[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const name = assignment.childForFieldName('left');
    const typeNode = assignment.childForFieldName('type');
    if (name?.type !== 'identifier' || !typeNode) continue;
    const right = assignment.childForFieldName('right');
    const { type, description } = annotated(context, typeNode, classScope);
    const field = right?.type === 'call' ? callArguments(right) : null;
    const required = !right || (field !== null && !field.keywords.has('default') && (field.positional.length === 0 || field.positional[0].type === 'ellipsis'));
    fields.push({ name: name.text, type, description: description ?? fieldDescription(context, right, classScope), required });
  }
  return fields;
}

function localDefinition(node: Node, scope: Scope, type: 'function_definition' | 'class_definition', context: PythonContext): Scope | null {
  const binding = bindingOf(unwrap(node), scope);
  if (binding?.kind !== 'definition' || binding.node.type !== type) return null;
  return context.model.definitionScopes.get(binding.node.id) ?? null;
}

function push(context: PythonContext, nameNode: Node, name: string, description: string | null, framework: string, parameters: ToolParameter[], unresolved: ('description' | 'parameters')[] = []): void {
  const tool: ToolDef = { kind: 'tool', loc: context.loc(nameNode), name, description: description?.trim() || null, framework, parameters };
  if (unresolved.length) tool.unresolved = unresolved;
  context.facts.tools.push(tool);
}

/** What a definition names but we could not read: a description expression that is no string we follow, a schema class from elsewhere. */
function unresolvedParts(description: { node: Node | null | undefined; value: string | null }, schema: { node: Node | null | undefined; resolved: boolean }): ('description' | 'parameters')[] {
  const parts: ('description' | 'parameters')[] = [];
  if (description.node && description.value === null) parts.push('description');
  if (schema.node && !schema.resolved) parts.push('parameters');
  return parts;
}

function decoratedTools(context: PythonContext): void {
  for (const scope of context.model.scopes) {
    if (scope.kind !== 'function' || !scope.node) continue;
    for (const decorator of scope.decorators) {
      const node = unwrap(decorator);
      const target = node.type === 'call' ? node.childForFieldName('function') ?? node : node;
      const path = originOf(target, scope.parent ?? scope).path;
      if (isUnresolved(path)) continue;
      const shape = toolShapes.find((candidate) => matchesAny(path, candidate.decorators?.python));
      if (!shape) continue;
      const args = node.type === 'call' ? callArguments(node) : null;
      const outer = scope.parent ?? scope;
      const explicitName = args ? (args.positional[0] ?? args.keywords.get('name') ?? args.keywords.get('name_override')) : undefined;
      const name = explicitName ? plainString(explicitName) : null;
      const documented = splitDocstring(docstringOf(scope.node)?.text ?? null);
      const descriptionNode = args?.keywords.get('description') ?? args?.keywords.get('description_override');
      const explicitDescription = stringValue(context, descriptionNode, outer);
      const description = explicitDescription ?? documented.description;
      const nameNode = name !== null && explicitName ? explicitName : scope.node.childForFieldName('name');
      if (!nameNode) continue;
      // `@tool(args_schema=Model)`: the model's fields are the parameters the LLM sees.
      const schemaNode = args?.keywords.get('args_schema');
      const schema = schemaNode ? localDefinition(schemaNode, outer, 'class_definition', context) : null;
      const parameters = schema ? classFields(context, schema) : signatureParameters(context, scope.node, outer, documented);
      const unresolved = unresolvedParts({ node: descriptionNode, value: explicitDescription ?? documented.description }, { node: schemaNode, resolved: schema !== null });
      push(context, nameNode, name ?? scope.name ?? nameNode.text, description, shape.framework, parameters, unresolved);
      break;
    }
  }
}

function slotValue(shape: ToolShape, key: 'name' | 'description' | 'parameters' | 'function', call: ScopedNode): ScopedNode | null {
  for (const slot of shape.calls?.[key] ?? []) {
    const hit = readSlot(slot, call, null);
    if (hit) return hit;
  }
  return null;
}

const constructorNames = lastSegmentNames(toolShapes.flatMap((shape) => shape.calls?.python ?? []));

function constructedTools(context: PythonContext): void {
  for (const site of context.model.calls) {
    if (!mayEndIn(context, site.method, constructorNames)) continue;
    const path = calleeOrigin(context, site).path;
    if (isUnresolved(path)) continue;
    const shape = toolShapes.find((candidate) => matchesAny(path, candidate.calls?.python));
    if (!shape) continue;
    const nameSlot = slotValue(shape, 'name', site);
    const functionSlot = slotValue(shape, 'function', site);
    const fn = functionSlot ? localDefinition(functionSlot.node, functionSlot.scope, 'function_definition', context) : null;
    const documented = splitDocstring(fn?.node ? docstringOf(fn.node)?.text ?? null : null);
    const name = nameSlot ? stringValue(context, nameSlot.node, nameSlot.scope) : fn?.name ?? null;
    if (!name) continue;
    const descriptionSlot = slotValue(shape, 'description', site);
    const description = descriptionSlot ? stringValue(context, descriptionSlot.node, descriptionSlot.scope) : documented.description;
    const schemaSlot = slotValue(shape, 'parameters', site);
    const schema = schemaSlot ? localDefinition(schemaSlot.node, schemaSlot.scope, 'class_definition', context) : null;
    const parameters = schema ? classFields(context, schema) : fn?.node ? signatureParameters(context, fn.node, fn.parent ?? fn, documented) : [];
    const nameNode = nameSlot ? unwrap(nameSlot.node) : fn?.node?.childForFieldName('name') ?? site.node;
    const unresolved = unresolvedParts({ node: descriptionSlot?.node, value: description }, { node: schemaSlot?.node, resolved: schema !== null });
    push(context, nameNode, name, description, shape.framework, parameters, unresolved);
  }
}

function classAttribute(classScope: Scope, name: string): Node | null {
  const binding = classScope.bindings.get(name)?.at(-1);
  return binding?.kind === 'value' ? binding.value : null;
}

function toolClasses(context: PythonContext): void {
  for (const scope of context.model.scopes) {
    if (scope.kind !== 'class' || !scope.node) continue;
    const bases = scope.node.childForFieldName('superclasses');
    const outer = scope.parent ?? scope;
    const shape = toolShapes.find((candidate) => (bases ? namedChildrenOf(bases) : []).some((base) => base.type !== 'keyword_argument' && matchesAny(originOf(base, outer).path, candidate.baseClasses?.python)));
    if (!shape) continue;
    const nameValue = classAttribute(scope, 'name');
    const name = nameValue ? plainString(unwrap(nameValue)) : null;
    const descriptionValue = classAttribute(scope, 'description');
    const description = descriptionValue ? stringValue(context, descriptionValue, scope) : docstringOf(scope.node)?.text ?? null;
    const schemaValue = classAttribute(scope, 'args_schema');
    const schema = schemaValue ? localDefinition(schemaValue, scope, 'class_definition', context) : null;
    const run = [...context.model.definitionScopes.values()].find((candidate) => candidate.parent === scope && candidate.name === '_run');
    const parameters = schema ? classFields(context, schema) : run?.node ? signatureParameters(context, run.node, scope, splitDocstring(null)) : [];
    const nameNode = name !== null && nameValue ? unwrap(nameValue) : scope.node.childForFieldName('name');
    const unresolved = unresolvedParts({ node: descriptionValue, value: description }, { node: schemaValue, resolved: schema !== null });
    if (nameNode) push(context, nameNode, name ?? scope.name ?? nameNode.text, description, shape.framework, parameters, unresolved);
  }
}

function schemaParameters(context: PythonContext, schemaNode: Node | undefined, scope: Scope): ToolParameter[] {
  if (!schemaNode) return [];
  const schema = resolveValue(schemaNode, scope);
  if (schema.node.type !== 'dictionary') return [];
  const entries = dictEntries(schema.node);
  const requiredList = entries.get('required')?.value;
  const required = new Set((requiredList && requiredList.type === 'list' ? namedChildrenOf(requiredList) : []).map((item) => plainString(item)).filter((name): name is string => name !== null));
  const properties = entries.get('properties')?.value;
  const resolvedProperties = properties ? resolveValue(properties, schema.scope) : null;
  if (resolvedProperties?.node.type !== 'dictionary') return [];
  return [...dictEntries(resolvedProperties.node)].map(([name, { value }]) => {
    const property = resolveValue(value, resolvedProperties.scope);
    const fields = property.node.type === 'dictionary' ? dictEntries(property.node) : new Map<string, { key: Node; value: Node }>();
    const type = fields.get('type')?.value;
    return {
      name,
      type: type ? plainString(type) ?? type.text : null,
      description: stringValue(context, fields.get('description')?.value, property.scope),
      required: required.has(name),
    };
  });
}

/** Words a schema dict must contain (`"function"` or `input_schema`); a cheap test before reading its entries. */
export const schemaToolWords = /function|input_schema/;

/** OpenAI `{"type": "function", "function": {…}}`, Responses' flat form, Anthropic `input_schema`. */
function schemaTools(context: PythonContext): void {
  for (const { node, scope } of context.model.dictionaries) {
    if (!schemaToolWords.test(node.text)) continue;
    const entries = dictEntries(node);
    const type = entries.get('type')?.value;
    const isFunction = type ? plainString(type) === 'function' : false;
    const nested = entries.get('function')?.value;
    let definition: Map<string, { key: Node; value: Node }> | null = null;
    let framework = 'openai';
    let schemaKey = 'parameters';
    if (isFunction && nested?.type === 'dictionary') definition = dictEntries(nested);
    else if (isFunction && entries.has('name')) definition = entries;
    else if (entries.has('name') && entries.has('input_schema')) {
      definition = entries;
      framework = 'anthropic';
      schemaKey = 'input_schema';
    }
    const nameNode = definition?.get('name')?.value;
    const name = nameNode ? plainString(nameNode) : null;
    if (!definition || !nameNode || name === null) continue;
    const descriptionNode = definition.get('description')?.value;
    const description = stringValue(context, descriptionNode, scope);
    push(context, nameNode, name, description, framework, schemaParameters(context, definition.get(schemaKey)?.value, scope), unresolvedParts({ node: descriptionNode, value: description }, { node: null, resolved: true }));
  }
}

/** `catalog`: whether the tool frameworks of the catalog can match in this file (see triggers.ts). */
export function emitTools(context: PythonContext, catalog: boolean): void {
  if (catalog) {
    decoratedTools(context);
    constructedTools(context);
    toolClasses(context);
  }
  schemaTools(context);
}
