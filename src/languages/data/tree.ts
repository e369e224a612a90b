import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parseAllDocuments, isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';

/**
 * One neutral tree for JSON and YAML, so that tool and prompt shapes are
 * recognised once. Offsets index the file text.
 */
export type DataNode = DataObject | DataArray | DataScalar;

export interface DataObject {
  type: 'object';
  start: number;
  end: number;
  entries: DataEntry[];
}

export interface DataArray {
  type: 'array';
  start: number;
  end: number;
  items: DataNode[];
}

export interface DataScalar {
  type: 'scalar';
  start: number;
  end: number;
  /** null also stands for what we do not read: aliases, and nodes beyond the depth limit. */
  value: string | number | boolean | null;
}

export interface DataEntry {
  key: string;
  keyStart: number;
  value: DataNode;
}

export interface ParsedData {
  roots: DataNode[];
  syntaxErrors: number;
}

/** Deeper structures are read as opaque: no tool or prompt shape nests this deep, and deep recursion overflows the stack. */
const maxDepth = 200;

export function parseJsonData(text: string): ParsedData {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { roots: tree ? [fromJson(tree, 0)] : [], syntaxErrors: errors.length };
}

function fromJson(node: JsonNode, depth: number): DataNode {
  const start = node.offset;
  const end = node.offset + node.length;
  if (depth > maxDepth) return { type: 'scalar', start, end, value: null };
  if (node.type === 'object') {
    const entries: DataEntry[] = [];
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
      entries.push({ key: keyNode.value, keyStart: keyNode.offset, value: fromJson(valueNode, depth + 1) });
    }
    return { type: 'object', start, end, entries };
  }
  if (node.type === 'array') {
    return { type: 'array', start, end, items: (node.children ?? []).map((child) => fromJson(child, depth + 1)) };
  }
  const value = node.value;
  return { type: 'scalar', start, end, value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null };
}

/** `baseOffset` places a YAML fragment (a front-matter block) inside its file. */
export function parseYamlData(text: string, baseOffset = 0): ParsedData {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  const list = Array.isArray(documents) ? documents : [];
  const roots: DataNode[] = [];
  let syntaxErrors = 0;
  for (const document of list) {
    syntaxErrors += document.errors.length;
    if (document.contents) roots.push(fromYaml(document.contents, baseOffset, 0));
  }
  return { roots, syntaxErrors };
}

function fromYaml(node: YamlNode, base: number, depth: number): DataNode {
  const [rangeStart, rangeEnd] = node.range ?? [0, 0];
  const start = base + rangeStart;
  const end = base + rangeEnd;
  if (depth > maxDepth || isAlias(node)) return { type: 'scalar', start, end, value: null };
  if (isMap(node)) {
    const entries: DataEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key;
      const keyValue = isScalar(key) ? key.value : null;
      if (typeof keyValue !== 'string' && typeof keyValue !== 'number') continue;
      const keyStart = base + ((isScalar(key) && key.range?.[0]) || 0);
      const value = pair.value as YamlNode | null;
      entries.push({
        key: String(keyValue),
        keyStart,
        value: value ? fromYaml(value, base, depth + 1) : { type: 'scalar', start: keyStart, end: keyStart, value: null },
      });
    }
    return { type: 'object', start, end, entries };
  }
  if (isSeq(node)) {
    const items: DataNode[] = [];
    for (const item of node.items) {
      if (item && typeof item === 'object' && 'range' in item) items.push(fromYaml(item as YamlNode, base, depth + 1));
    }
    return { type: 'array', start, end, items };
  }
  if (isScalar(node)) {
    const value = node.value;
    return { type: 'scalar', start, end, value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null };
  }
  return { type: 'scalar', start, end, value: null };
}

export function entry(node: DataNode | undefined, key: string): DataNode | undefined {
  return node?.type === 'object' ? node.entries.find((candidate) => candidate.key === key)?.value : undefined;
}

export function stringAt(node: DataNode | undefined, key: string): string | null {
  const value = entry(node, key);
  return value?.type === 'scalar' && typeof value.value === 'string' ? value.value : null;
}

/** Every object node of the trees, outermost first; iterative so deep input cannot overflow the stack. */
export function* objectsOf(roots: DataNode[], descendInto: (node: DataObject) => boolean = () => true): Generator<DataObject> {
  const stack: DataNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      yield node;
      if (!descendInto(node)) continue;
      for (let i = node.entries.length - 1; i >= 0; i--) stack.push(node.entries[i].value);
    } else if (node.type === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
}
