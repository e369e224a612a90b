import type { ToolDef, ToolParameter } from '../../core/facts';
import type { LineIndex } from './text-positions';
import { entry, objectsOf, stringAt, type DataNode, type DataObject } from './tree';

/**
 * Tool definitions written as data: OpenAI `{"type":"function","function":{…}}`,
 * Responses' flat `{"type":"function","name",…}`, Anthropic `input_schema`,
 * MCP `inputSchema`, bare function schemas `{name, parameters}`, and maps of
 * name → `{description, parameters|input_schema|inputSchema}`.
 */
export function findTools(roots: DataNode[], file: string, lines: LineIndex): ToolDef[] {
  const tools: ToolDef[] = [];
  const matched = new Set<DataObject>();
  for (const node of objectsOf(roots, (candidate) => !matched.has(candidate))) {
    const tool = toolFromObject(node);
    if (tool) {
      matched.add(node);
      tools.push({ kind: 'tool', loc: lines.location(file, node.start, node.end), ...tool });
      continue;
    }
    // A map of tools keyed by name: each value holds a schema but no name of its own.
    for (const item of node.entries) {
      if (item.value.type !== 'object' || stringAt(item.value, 'name') !== null) continue;
      const keyed = keyedTool(item.key, item.value);
      if (!keyed) continue;
      matched.add(item.value);
      tools.push({ kind: 'tool', loc: lines.location(file, item.keyStart, item.value.end), ...keyed });
    }
  }
  return tools;
}

type ToolBody = Omit<ToolDef, 'kind' | 'loc'>;

function toolFromObject(node: DataObject): ToolBody | null {
  const type = stringAt(node, 'type');
  const nested = entry(node, 'function');
  if (type === 'function' && nested?.type === 'object') {
    const name = stringAt(nested, 'name');
    return name ? body(name, stringAt(nested, 'description'), 'openai', entry(nested, 'parameters')) : null;
  }
  const name = stringAt(node, 'name');
  if (!name) return null;
  const description = stringAt(node, 'description');
  if (type === 'function') return body(name, description, 'openai', entry(node, 'parameters'));
  if (entry(node, 'input_schema')?.type === 'object') return body(name, description, 'anthropic', entry(node, 'input_schema'));
  if (entry(node, 'inputSchema')?.type === 'object') return body(name, description, 'mcp', entry(node, 'inputSchema'));
  const parameters = entry(node, 'parameters');
  if (isObjectSchema(parameters)) return body(name, description, 'json-schema', parameters);
  return null;
}

function keyedTool(name: string, node: DataObject): ToolBody | null {
  const description = stringAt(node, 'description');
  if (description === null) return null;
  if (isObjectSchema(entry(node, 'input_schema'))) return body(name, description, 'anthropic', entry(node, 'input_schema'));
  if (isObjectSchema(entry(node, 'inputSchema'))) return body(name, description, 'mcp', entry(node, 'inputSchema'));
  if (isObjectSchema(entry(node, 'parameters'))) return body(name, description, 'json-schema', entry(node, 'parameters'));
  return null;
}

/** A JSON schema of an object: what function parameters are. OpenAPI's `parameters` arrays do not qualify. */
function isObjectSchema(node: DataNode | undefined): boolean {
  return node?.type === 'object' && (stringAt(node, 'type') === 'object' || entry(node, 'properties')?.type === 'object');
}

function body(name: string, description: string | null, framework: string, schema: DataNode | undefined): ToolBody {
  return { name, description, framework, parameters: parametersOf(schema) };
}

function parametersOf(schema: DataNode | undefined): ToolParameter[] {
  const properties = entry(schema, 'properties');
  if (properties?.type !== 'object') return [];
  const requiredNode = entry(schema, 'required');
  const required = new Set(
    requiredNode?.type === 'array' ? requiredNode.items.flatMap((item) => (item.type === 'scalar' && typeof item.value === 'string' ? [item.value] : [])) : [],
  );
  return properties.entries.map((property) => ({
    name: property.key,
    type: typeOf(property.value),
    description: stringAt(property.value, 'description'),
    required: required.has(property.key),
  }));
}

function typeOf(schema: DataNode): string | null {
  const type = entry(schema, 'type');
  if (type?.type === 'scalar' && typeof type.value === 'string') return type.value;
  if (type?.type === 'array') {
    const names = type.items.flatMap((item) => (item.type === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
    return names.length > 0 ? names.join('|') : null;
  }
  return null;
}
