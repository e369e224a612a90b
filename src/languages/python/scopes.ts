import type { Node, Tree } from 'web-tree-sitter';
import { callArguments, methodName, namedChildrenOf } from './syntax';

/** Pass 1 over a module: scopes, bindings and the nodes the extractors read. */

export type Binding =
  /** `x = value`, `with value as x`, `self.x = value`. `end` is where the binding takes effect. */
  | { kind: 'value'; value: Node; target: Node; end: number; scope: Scope }
  | { kind: 'parameter'; name: string; annotation: Node | null; node: Node; scope: Scope; index: number }
  | { kind: 'import'; origin: string; module: string; node: Node; end: number }
  /** A local `def` or `class`; `scope` is the definition's own scope. */
  | { kind: 'definition'; node: Node; scope: Scope; end: number };

export interface Scope {
  kind: 'module' | 'function' | 'class';
  name: string | null;
  node: Node | null;
  parent: Scope | null;
  /** Dotted path of enclosing classes and functions (`Agent.run`, `outer.inner`); '' for the module. */
  qualifiedName: string;
  bindings: Map<string, Binding[]>;
  /** Right-hand sides of `name += …`, in source order. */
  augments: Map<string, Node[]>;
  /** Calls `name.append(…)` / `name.extend(…)` / `name.insert(…)`, in source order. */
  listAdds: Map<string, Node[]>;
  /** Classes only: attributes assigned through `self.x = …` in any method. */
  selfAttributes: Map<string, Binding[]>;
  /** Methods only: the class scope and the name of the first parameter (`self`). */
  owner: Scope | null;
  selfName: string | null;
  /** Decorator expressions of a function or class (without `@`). */
  decorators: Node[];
}

/** Enclosing `with` blocks of a node, innermost first. */
export interface WithChain {
  item: Node;
  next: WithChain | null;
}

export interface ScopedNode {
  node: Node;
  scope: Scope;
}

export interface CallSite extends ScopedNode {
  withs: WithChain | null;
  callee: Node | null;
  /** `name` of a callee `expr.name`; null for any other callee (a plain name can be an alias). */
  method: string | null;
}

export interface ModuleModel {
  module: Scope;
  scopes: Scope[];
  calls: CallSite[];
  dictionaries: ScopedNode[];
  /** Assignments to attributes (`litellm.success_callback = [...]`). */
  attributeAssignments: { target: Node; value: Node; scope: Scope }[];
  withItems: ScopedNode[];
  imports: ScopedNode[];
  /** Scope of each function/class definition, by node id. */
  definitionScopes: Map<number, Scope>;
  /** Names bound in class bodies or through `self.x = …`: a call `self.x(…)` may denote anything. */
  memberNames: Set<string>;
  /** Modules imported anywhere in the file (`google.genai` adds `google` too). */
  importedModules: Set<string>;
  syntaxErrors: number;
}

function newScope(kind: Scope['kind'], name: string | null, node: Node | null, parent: Scope | null): Scope {
  const qualifiedName = parent && parent.qualifiedName && name ? `${parent.qualifiedName}.${name}` : (name ?? '');
  return {
    kind, name, node, parent, qualifiedName,
    bindings: new Map(), augments: new Map(), listAdds: new Map(), selfAttributes: new Map(),
    owner: null, selfName: null, decorators: [],
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A function, class or `with` block: what a node inside its range is nested in. */
interface Container {
  end: number;
  scope: Scope;
  withs: WithChain | null;
}

/** The node types pass 1 reads; everything else stays in wasm. */
const readTypes = [
  'function_definition', 'class_definition', 'with_statement', 'assignment', 'augmented_assignment',
  'import_statement', 'import_from_statement', 'call', 'dictionary',
];

export interface ModelOptions {
  /**
   * Collect every call (for the catalog passes). Without it only `x.append/extend/insert(…)`
   * calls are read, which prompt assembly needs.
   */
  calls: boolean;
}

/** `name.append(` / `.extend(` / `.insert(` at a call's start (comments and line breaks allowed between). */
const listAddStart = /[A-Za-z_]\w*(?:\s|\\\r?\n|#[^\n]*)*\.(?:\s|\\\r?\n|#[^\n]*)*(?:append|extend|insert)\b/y;

/**
 * Pass 1 over a module. tree-sitter's own (wasm) walk finds the node types we
 * read (`descendantsOfType`), so only those nodes cross into JavaScript; their
 * nesting comes from source ranges. Nothing here recurses on the tree's depth.
 */
export function buildModuleModel(tree: Tree, source: string, options: ModelOptions = { calls: true }): ModuleModel {
  const module = newScope('module', null, null, null);
  const model: ModuleModel = {
    module, scopes: [module], calls: [], dictionaries: [], attributeAssignments: [], withItems: [], imports: [],
    definitionScopes: new Map(), memberNames: new Set(), importedModules: new Set(), syntaxErrors: 0,
  };
  const root = tree.rootNode;
  // One walk in wasm, in source order (pre-order): nesting follows from the ranges.
  const frames: Container[] = [{ end: Infinity, scope: module, withs: null }];
  for (const node of root.descendantsOfType(readTypes)) {
    const start = node.startIndex;
    while (frames.length > 1 && frames[frames.length - 1].end <= start) frames.pop();
    const frame = frames[frames.length - 1];
    const type = node.type;
    if (type === 'call') {
      listAddStart.lastIndex = start;
      if (listAddStart.test(source)) recordListAdd(node, frame.scope);
      if (options.calls) {
        const callee = node.childForFieldName('function');
        model.calls.push({ node, scope: frame.scope, withs: frame.withs, callee, method: methodName(callee) });
      }
    } else if (type === 'dictionary') model.dictionaries.push({ node, scope: frame.scope });
    else {
      const entered = visit(node, type, frame, model);
      if (entered) frames.push({ end: node.endIndex, scope: entered.scope, withs: entered.withs });
    }
  }
  if (root.hasError) model.syntaxErrors = countSyntaxErrors(tree);
  for (const scope of model.scopes) {
    if (scope.kind !== 'class') continue;
    for (const name of scope.bindings.keys()) model.memberNames.add(name);
    for (const name of scope.selfAttributes.keys()) model.memberNames.add(name);
  }
  return model;
}

/** ERROR and MISSING nodes; walked only when the parser reported an error. */
export function countSyntaxErrors(tree: Tree): number {
  let errors = 0;
  const cursor = tree.rootNode.walk();
  try {
    for (;;) {
      if (cursor.nodeIsMissing || cursor.nodeType === 'ERROR') errors++;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return errors;
    }
  } finally {
    cursor.delete();
  }
}

function visit(node: Node, type: string, frame: Container, model: ModuleModel): { scope: Scope; withs: WithChain | null } | null {
  const scope = frame.scope;
  switch (type) {
    case 'function_definition':
    case 'class_definition':
      return { scope: enterDefinition(node, scope, model), withs: frame.withs };
    case 'assignment':
      recordAssignment(node, scope, model);
      return null;
    case 'augmented_assignment': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const operator = node.childForFieldName('operator');
      if (left?.type === 'identifier' && right && operator?.text === '+=') pushTo(scope.augments, left.text, right);
      return null;
    }
    case 'with_statement':
      return { scope, withs: recordWith(node, scope, frame.withs, model) };
    case 'import_statement':
    case 'import_from_statement':
      recordImport(node, scope, model);
      return null;
  }
  return null;
}

function bind(scope: Scope, name: string, binding: Binding): void {
  pushTo(scope.bindings, name, binding);
}

function enterDefinition(node: Node, outer: Scope, model: ModuleModel): Scope {
  const nameNode = node.childForFieldName('name');
  const name = nameNode?.text ?? null;
  const kind = node.type === 'class_definition' ? 'class' : 'function';
  const scope = newScope(kind, name, node, outer);
  model.scopes.push(scope);
  model.definitionScopes.set(node.id, scope);
  if (name) bind(outer, name, { kind: 'definition', node, scope, end: node.endIndex });
  if (node.parent?.type === 'decorated_definition') {
    for (const decorator of namedChildrenOf(node.parent)) {
      if (decorator.type !== 'decorator') continue;
      const expression = namedChildrenOf(decorator)[0];
      if (expression) scope.decorators.push(expression);
    }
  }
  if (kind === 'function') {
    const parameters = node.childForFieldName('parameters');
    let index = 0;
    for (const parameter of parameters ? namedChildrenOf(parameters) : []) {
      const nameOf = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? namedChildrenOf(parameter).find((child) => child.type === 'identifier'));
      if (!nameOf || nameOf.type !== 'identifier') continue;
      const annotation = parameter.childForFieldName('type');
      bind(scope, nameOf.text, { kind: 'parameter', name: nameOf.text, annotation, node: parameter, scope, index });
      index++;
    }
    const isStatic = scope.decorators.some((decorator) => decorator.text === 'staticmethod');
    if (outer.kind === 'class' && !isStatic) {
      scope.owner = outer;
      const first = [...scope.bindings.values()].flat().find((binding) => binding.kind === 'parameter' && binding.index === 0);
      scope.selfName = first?.kind === 'parameter' ? first.name : null;
    }
  }
  return scope;
}

function recordAssignment(node: Node, scope: Scope, model: ModuleModel): void {
  const left = node.childForFieldName('left');
  let right = node.childForFieldName('right');
  // `a = b = value`: the inner assignment is visited on its own; bind `a` to the value too.
  while (right?.type === 'assignment') right = right.childForFieldName('right');
  if (!left || !right) return;
  const targets = left.type === 'pattern_list' || left.type === 'tuple_pattern' ? namedChildrenOf(left) : [left];
  const values = targets.length > 1 ? (right.type === 'expression_list' || right.type === 'tuple' ? namedChildrenOf(right) : []) : [right];
  targets.forEach((target, index) => {
    const value = values[index];
    if (!value || values.length !== targets.length) return;
    if (target.type === 'identifier') bind(scope, target.text, { kind: 'value', value, target, end: node.endIndex, scope });
    else if (target.type === 'attribute') {
      const object = target.childForFieldName('object');
      const attribute = target.childForFieldName('attribute');
      if (object?.type === 'identifier' && attribute && scope.owner && object.text === scope.selfName) {
        pushTo(scope.owner.selfAttributes, attribute.text, { kind: 'value', value, target, end: node.endIndex, scope });
      } else model.attributeAssignments.push({ target, value, scope });
    }
  });
}

function recordListAdd(call: Node, scope: Scope): void {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute') return;
  const object = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text;
  if (object?.type === 'identifier' && (method === 'append' || method === 'extend' || method === 'insert')) {
    pushTo(scope.listAdds, object.text, call);
  }
}

function recordWith(node: Node, scope: Scope, outer: WithChain | null, model: ModuleModel): WithChain | null {
  let chain = outer;
  const clause = namedChildrenOf(node).find((child) => child.type === 'with_clause');
  for (const item of clause ? namedChildrenOf(clause) : []) {
    if (item.type !== 'with_item') continue;
    let value = item.childForFieldName('value');
    if (!value) continue;
    if (value.type === 'as_pattern') {
      const expression = namedChildrenOf(value)[0];
      const alias = value.childForFieldName('alias');
      const aliasName = alias ? namedChildrenOf(alias)[0] ?? alias : null;
      if (expression && aliasName?.type === 'identifier') {
        bind(scope, aliasName.text, { kind: 'value', value: expression, target: aliasName, end: item.endIndex, scope });
      }
      if (!expression) continue;
      value = expression;
    }
    model.withItems.push({ node: value, scope });
    chain = { item: value, next: chain };
  }
  return chain;
}

function recordImport(node: Node, scope: Scope, model: ModuleModel): void {
  model.imports.push({ node, scope });
  const addModule = (module: string) => {
    const parts = module.split('.');
    for (let i = 1; i <= parts.length; i++) model.importedModules.add(parts.slice(0, i).join('.'));
  };
  if (node.type === 'import_statement') {
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'aliased_import') {
        const dotted = name.childForFieldName('name')?.text;
        const alias = name.childForFieldName('alias')?.text;
        if (!dotted || !alias) continue;
        addModule(dotted);
        bind(scope, alias, { kind: 'import', origin: dotted, module: dotted, node, end: node.endIndex });
      } else {
        // `import a.b` binds `a`, through which `a.b` is reached.
        addModule(name.text);
        const root = name.text.split('.')[0];
        bind(scope, root, { kind: 'import', origin: root, module: name.text, node, end: node.endIndex });
      }
    }
    return;
  }
  const moduleNode = node.childForFieldName('module_name');
  // Relative imports (`from .x import y`) name project modules, not SDKs.
  if (!moduleNode || moduleNode.type === 'relative_import') return;
  const module = moduleNode.text;
  addModule(module);
  for (const name of node.childrenForFieldName('name')) {
    if (!name) continue;
    const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
    const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
    if (!imported || !local) continue;
    model.importedModules.add(`${module}.${imported}`);
    bind(scope, local, { kind: 'import', origin: `${module}.${imported}`, module, node, end: node.endIndex });
  }
}

/** Helper for extractors: `x.append(a)` adds `a`; `x.extend([a, b])` adds the list. */
export function listAddValues(call: Node): Node[] {
  const { positional } = callArguments(call);
  const method = call.childForFieldName('function')?.childForFieldName('attribute')?.text;
  if (method === 'insert') return positional.slice(1, 2);
  return positional.slice(0, 1);
}
