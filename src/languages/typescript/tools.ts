import ts from 'typescript';
import type { ToolBinding, ToolDef, ToolParameter } from '../../core/facts';
import { toolShapes } from '../../catalog/tool-frameworks';
import type { FileContext } from './context';
import { originMatches, type Origin } from './origin';
import { followVariable, readFirstSlot } from './slots';
import { literalText, locationOf, objectProperty, propertyNameText, unwrap, type CallLike } from './syntax';
import { resolveText } from './text';
import { constantString } from './values';

const OPTIONAL_METHODS = new Set(['optional', 'nullish', 'default', 'nullable']);

/** A zod chain (`z.string().describe("…").optional()`) read as one parameter. */
function zodParameter(name: string, expression: ts.Expression): ToolParameter {
  let type: string | null = null;
  let description: string | null = null;
  let required = true;
  let node = unwrap(expression);
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    if (method === 'describe' && node.arguments.length > 0) description = description ?? resolveText(node.arguments[0])?.text ?? null;
    if (OPTIONAL_METHODS.has(method)) required = false;
    const receiver = unwrap(node.expression.expression);
    // The type is the constructor called on `z` / `z.coerce` (`z.string()`), not a refinement (`.min(1)`, `.describe(…)`).
    if ((ts.isIdentifier(receiver) && receiver.text === 'z') || (ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'coerce')) type = method;
    node = receiver;
  }
  return { name, type, description, required };
}

function zodShape(shape: ts.ObjectLiteralExpression): ToolParameter[] {
  const parameters: ToolParameter[] = [];
  for (const property of shape.properties) {
    const name = propertyNameText(property.name);
    if (name === null) continue;
    if (ts.isPropertyAssignment(property)) parameters.push(zodParameter(name, property.initializer));
    else if (ts.isShorthandPropertyAssignment(property)) parameters.push({ name, type: null, description: null, required: true });
  }
  return parameters;
}

function jsonSchemaParameters(schema: ts.ObjectLiteralExpression): ToolParameter[] {
  const properties = objectProperty(schema, 'properties');
  const propertiesNode = properties ? followVariable(properties.value) : null;
  if (!propertiesNode || !ts.isObjectLiteralExpression(propertiesNode)) return [];
  const requiredNode = objectProperty(schema, 'required');
  const requiredList = requiredNode ? followVariable(requiredNode.value) : null;
  const required = new Set(requiredList && ts.isArrayLiteralExpression(requiredList) ? requiredList.elements.map((element) => literalText(unwrap(element)) ?? '') : []);
  const parameters: ToolParameter[] = [];
  for (const property of propertiesNode.properties) {
    const name = propertyNameText(property.name);
    if (name === null || !ts.isPropertyAssignment(property)) continue;
    const spec = followVariable(property.initializer);
    const field = (key: string): string | null => {
      const hit = ts.isObjectLiteralExpression(spec) ? objectProperty(spec, key) : null;
      return hit ? constantString(hit.value)?.text ?? resolveText(hit.value)?.text ?? null : null;
    };
    parameters.push({ name, type: field('type'), description: field('description'), required: required.has(name) });
  }
  return parameters;
}

/** Parameters of a tool schema: `z.object({…})`, a zod raw shape (MCP), `jsonSchema({…})` or a JSON Schema literal. */
export function schemaParameters(expression: ts.Expression | undefined): ToolParameter[] {
  if (!expression) return [];
  let node = followVariable(expression);
  // a zod object's raw shape (`Schema.shape`, MCP's `inputSchema`) has the object's parameters
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'shape') node = followVariable(node.expression);
  // look through `.describe(…)`, `.strict()` and the like down to `z.object(…)` / `jsonSchema(…)`
  while (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if ((name === 'object' || name === 'jsonSchema' || name === 'strictObject') && node.arguments.length > 0) {
      const inner = followVariable(node.arguments[0]);
      if (!ts.isObjectLiteralExpression(inner)) return [];
      return name === 'jsonSchema' ? jsonSchemaParameters(inner) : zodShape(inner);
    }
    if (!ts.isPropertyAccessExpression(callee)) return [];
    node = unwrap(callee.expression);
  }
  if (!ts.isObjectLiteralExpression(node)) return [];
  return objectProperty(node, 'properties') || objectProperty(node, 'type') ? jsonSchemaParameters(node) : zodShape(node);
}

function skipWrappers(node: ts.Node): ts.Node {
  let holder = node;
  while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
  return holder;
}

/**
 * A tool factory takes its name from the function that returns the tool:
 * `const createDocument = (deps) => tool({…})`, `function search(deps) { return tool({…}); }`.
 */
function factoryHolder(holder: ts.Node): ts.Node {
  if (ts.isArrowFunction(holder)) return skipWrappers(holder.parent);
  if (!ts.isReturnStatement(holder) || !ts.isBlock(holder.parent)) return holder;
  const owner = holder.parent.parent;
  if (ts.isFunctionDeclaration(owner) || ts.isMethodDeclaration(owner)) return owner;
  return ts.isArrowFunction(owner) || ts.isFunctionExpression(owner) ? skipWrappers(owner.parent) : holder;
}

/** The name a tool gets from where it is defined: `tools: { weather: tool(…) }`, `const weather = tool(…)` or a factory returning it. */
function contextualName(call: CallLike): { name: string; node: ts.Node } | null {
  const holder = factoryHolder(skipWrappers(call.parent));
  if ((ts.isFunctionDeclaration(holder) || ts.isMethodDeclaration(holder)) && holder.name) {
    const name = propertyNameText(holder.name);
    if (name !== null) return { name, node: holder.name };
  }
  if ((ts.isPropertyAssignment(holder) || ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder)) && holder.name) {
    const name = propertyNameText(holder.name);
    if (name !== null) return { name, node: holder.name };
  }
  return null;
}

function descriptionText(expression: ts.Expression | undefined): string | null {
  return expression ? resolveText(expression)?.text ?? null : null;
}

/** Tools defined by framework calls (catalog/tool-frameworks.ts): AI SDK `tool()`, MCP `server.tool()`, LangChain, Agents SDK. */
export function callTools(context: FileContext, call: CallLike, origin: Origin): void {
  if (origin.root === '?') return;
  for (const shape of toolShapes) {
    const calls = shape.calls;
    if (!calls?.ts || !originMatches(origin, calls.ts)) continue;
    const nameHit = readFirstSlot(calls.name, call, origin);
    const written = nameHit ? constantString(nameHit.value) : null;
    const named = written ? { name: written.text, node: written.node } : contextualName(call);
    if (!named) return;
    const description = (calls.description ?? []).map((slot) => readFirstSlot([slot], call, origin)?.value).find((value) => value && literalOrText(value));
    const parameters = schemaSlotValue(calls.parameters ?? [], call, origin);
    context.facts.tools.push({
      kind: 'tool', loc: locationOf(named.node, context.file), name: named.name, description: descriptionText(description), framework: shape.framework, parameters: schemaParameters(parameters),
    });
    return;
  }
}

/**
 * The tool's schema: a named `obj:` slot (`{ inputSchema: … }`) is the schema
 * even when it cannot be read; positional slots are tried until one holds a schema.
 */
function schemaSlotValue(slots: readonly string[], call: CallLike, origin: Origin): ts.Expression | undefined {
  for (const slot of slots) {
    const value = readFirstSlot([slot], call, origin)?.value;
    if (value && slot.startsWith('obj:')) return value;
    if (value && isSchema(value)) return value;
  }
  return undefined;
}

function literalOrText(expression: ts.Expression): boolean {
  return resolveText(expression) !== null;
}

function isSchema(expression: ts.Expression): boolean {
  const node = followVariable(expression);
  return ts.isObjectLiteralExpression(node) || ts.isCallExpression(node);
}

/**
 * Tool definitions recognised by their shape wherever an object literal has it:
 * OpenAI `{ type: "function", function: { name, … } }`, Responses' flat
 * `{ type: "function", name, parameters }`, Anthropic `{ name, description, input_schema }`.
 */
export function structuralTool(context: FileContext, object: ts.ObjectLiteralExpression): void {
  const type = objectProperty(object, 'type');
  const isFunction = type !== null && literalText(unwrap(type.value)) === 'function';
  let holder: ts.ObjectLiteralExpression | null = null;
  let framework = 'openai';
  let schemaKey = 'parameters';
  const nested = objectProperty(object, 'function');
  const nestedObject = nested ? followVariable(nested.value) : null;
  if (isFunction && nestedObject && ts.isObjectLiteralExpression(nestedObject)) holder = nestedObject;
  else if (isFunction && objectProperty(object, 'name')) holder = object;
  else if (objectProperty(object, 'input_schema') && objectProperty(object, 'name')) {
    holder = object;
    framework = 'anthropic';
    schemaKey = 'input_schema';
  }
  if (!holder) return;
  const nameProperty = objectProperty(holder, 'name');
  const name = nameProperty ? constantString(nameProperty.value) : null;
  if (!name) return;
  const nameNode = literalText(unwrap(nameProperty!.value)) !== null ? nameProperty!.value : nameProperty!.key;
  context.facts.tools.push({
    kind: 'tool', loc: locationOf(nameNode, context.file), name: name.text, description: descriptionText(objectProperty(holder, 'description')?.value),
    framework, parameters: schemaParameters(objectProperty(holder, schemaKey)?.value),
  } satisfies ToolDef);
}

function toolName(expression: ts.Expression): string | null {
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isObjectLiteralExpression(node)) {
    const nested = objectProperty(node, 'function');
    const holder = nested && ts.isObjectLiteralExpression(unwrap(nested.value)) ? unwrap(nested.value) as ts.ObjectLiteralExpression : node;
    const name = objectProperty(holder, 'name');
    return name ? constantString(name.value)?.text ?? null : null;
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const first = node.arguments?.[0];
    const object = first ? unwrap(first) : null;
    const name = object && ts.isObjectLiteralExpression(object) ? objectProperty(object, 'name') : null;
    return name ? constantString(name.value)?.text ?? null : null;
  }
  return null;
}

/** The tools a call binds: an object (`tools: { a, b }`) or a list; null count when a spread or variable is not followed. */
/** Spreads followed into module-level lists/objects at most this deep (`[...BASE, ...EXTRA]`). */
const MAX_SPREAD_DEPTH = 8;

/** Entries of a tool list or tools object, spreads resolved through local constants; `complete` is false when one was not. */
function toolEntries(node: ts.Expression, depth: number): { names: string[]; count: number; complete: boolean } {
  const result = { names: [] as string[], count: 0, complete: true };
  const add = (inner: ts.Expression) => {
    const target = followVariable(inner);
    if (depth >= MAX_SPREAD_DEPTH || !(ts.isArrayLiteralExpression(target) || ts.isObjectLiteralExpression(target))) {
      result.complete = false;
      return;
    }
    const nested = toolEntries(target, depth + 1);
    result.names.push(...nested.names);
    result.count += nested.count;
    result.complete &&= nested.complete;
  };
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) add(property.expression);
      else {
        const name = propertyNameText(property.name);
        if (name !== null) result.names.push(name);
        result.count++;
      }
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) {
      if (ts.isSpreadElement(element)) add(element.expression);
      else {
        const name = toolName(element);
        if (name !== null) result.names.push(name);
        result.count++;
      }
    }
  }
  return result;
}

export function toolBinding(expression: ts.Expression, file: string): ToolBinding {
  const node = followVariable(expression);
  if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) {
    const entries = toolEntries(node, 0);
    return { loc: locationOf(node, file), count: entries.complete ? entries.count : null, names: entries.names };
  }
  return { loc: locationOf(expression, file), count: null, names: [] };
}
