import ts from 'typescript';
import { literalText, propertyNameText, unwrap } from './syntax';

/**
 * What a name refers to, found by walking outwards through the enclosing
 * blocks and functions (no type checker: lexical scoping only).
 */
export type Binding =
  | { kind: 'import'; module: string; exportName: string | null; node: ts.Node }
  /** `path`: property names of a destructuring pattern (`const { a: { b } } = x` → ['a', 'b']). */
  | { kind: 'variable'; declaration: ts.VariableDeclaration; path: string[]; node: ts.Node }
  | { kind: 'parameter'; parameter: ts.ParameterDeclaration; path: string[]; node: ts.Node }
  | { kind: 'local'; node: ts.Node };

// Remembered per node while one file's facts are extracted; forgotten before the next file's.
let scopes = new WeakMap<ts.Node, Map<string, Binding>>();
let members = new WeakMap<ts.ClassLikeDeclaration, Map<string, MemberValue[]>>();
let reassignedCache = new WeakMap<ts.VariableDeclaration, boolean>();

/**
 * Called before each file's extraction: an edited file re-parsed incrementally reuses the nodes of
 * unchanged code, whose scopes and members, remembered from the last version, may no longer hold.
 */
export function forgetScopes(): void {
  scopes = new WeakMap();
  members = new WeakMap();
  reassignedCache = new WeakMap();
}

/** Module specifier as the catalog writes it: no `node:` prefix, no `.js` extension or `/index`. */
export function normaliseModule(specifier: string): string {
  return specifier.replace(/^node:/, '').replace(/\.(m|c)?js$/, '').replace(/\/index$/, '');
}

/** `require("m")` and `import("m")`: the module they load, else null. */
export function loadedModule(expression: ts.Expression): string | null {
  const node = unwrap(expression);
  if (!ts.isCallExpression(node) || node.arguments.length < 1) return null;
  const specifier = literalText(node.arguments[0]);
  if (specifier === null) return null;
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return normaliseModule(specifier);
  if (ts.isIdentifier(callee) && callee.text === 'require') return normaliseModule(specifier);
  return null;
}

function addBindingName(scope: Map<string, Binding>, name: ts.BindingName, make: (path: string[], node: ts.Node) => Binding, path: string[] = []): void {
  if (ts.isIdentifier(name)) {
    scope.set(name.text, make(path, name));
    return;
  }
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (ts.isObjectBindingPattern(name)) {
      const key = propertyNameText(element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined));
      addBindingName(scope, element.name, make, key === null || element.dotDotDotToken ? [...path, '?'] : [...path, key]);
    } else addBindingName(scope, element.name, make, [...path, '?']);
  }
}

function addVariables(scope: Map<string, Binding>, list: ts.VariableDeclarationList): void {
  for (const declaration of list.declarations) {
    addBindingName(scope, declaration.name, (path, node) => ({ kind: 'variable', declaration, path, node }));
  }
}

function addImport(scope: Map<string, Binding>, statement: ts.ImportDeclaration): void {
  const specifier = literalText(statement.moduleSpecifier);
  const clause = statement.importClause;
  if (specifier === null || !clause) return;
  const module = normaliseModule(specifier);
  if (clause.name) scope.set(clause.name.text, { kind: 'import', module, exportName: 'default', node: clause.name });
  const named = clause.namedBindings;
  if (!named) return;
  if (ts.isNamespaceImport(named)) scope.set(named.name.text, { kind: 'import', module, exportName: null, node: named.name });
  else for (const element of named.elements) {
    scope.set(element.name.text, { kind: 'import', module, exportName: propertyNameText(element.propertyName) ?? element.name.text, node: element.name });
  }
}

function addStatements(scope: Map<string, Binding>, statements: readonly ts.Statement[]): void {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) addVariables(scope, statement.declarationList);
    else if (ts.isImportDeclaration(statement)) addImport(scope, statement);
    else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const specifier = literalText(statement.moduleReference.expression);
      if (specifier !== null) scope.set(statement.name.text, { kind: 'import', module: normaliseModule(specifier), exportName: null, node: statement.name });
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      scope.set(statement.name.text, { kind: 'local', node: statement });
    }
  }
}

function scopeOf(node: ts.Node): Map<string, Binding> | null {
  const cached = scopes.get(node);
  if (cached) return cached;
  const scope = new Map<string, Binding>();
  if (ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
    addStatements(scope, node.statements);
  } else if (ts.isFunctionLike(node)) {
    for (const parameter of node.parameters) addBindingName(scope, parameter.name, (path, name) => ({ kind: 'parameter', parameter, path, node: name }));
    if (ts.isFunctionExpression(node) && node.name) scope.set(node.name.text, { kind: 'local', node });
  } else if ((ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
    addVariables(scope, node.initializer);
  } else if (ts.isCatchClause(node) && node.variableDeclaration) {
    addBindingName(scope, node.variableDeclaration.name, (_path, name) => ({ kind: 'local', node: name }));
  } else return null;
  scopes.set(node, scope);
  return scope;
}

/** The binding `name` has where `from` stands, or null for globals and unknown names. */
export function lookupBinding(name: string, from: ts.Node): Binding | null {
  for (let current: ts.Node | undefined = from.parent; current; current = current.parent) {
    const hit = scopeOf(current)?.get(name);
    if (hit) return hit;
  }
  return null;
}

export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | null {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassDeclaration(current) || ts.isClassExpression(current)) return current;
    // a plain `function` rebinds `this`; arrows do not
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return null;
  }
  return null;
}

/** What `this.name` may hold: a field initializer, a typed field or parameter property, or `this.name = …` in any method. */
export interface MemberValue {
  value?: ts.Expression;
  type?: ts.TypeNode;
}

function collectMembers(owner: ts.ClassLikeDeclaration): Map<string, MemberValue[]> {
  const found = new Map<string, MemberValue[]>();
  const add = (name: string | null, value: MemberValue): void => {
    if (name === null) return;
    const list = found.get(name) ?? [];
    list.push(value);
    found.set(name, list);
  };
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member)) add(propertyNameText(member.name), { value: member.initializer, type: member.type });
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.getModifiers(parameter)?.length && ts.isIdentifier(parameter.name)) add(parameter.name.text, { type: parameter.type });
      }
    }
  }
  const stack: ts.Node[] = [...owner.members];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)
      && node.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      add(node.left.name.text, { value: node.right });
    }
    if (ts.isClassLike(node)) continue;
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return found;
}

export function memberValues(access: ts.PropertyAccessExpression): MemberValue[] {
  const owner = enclosingClass(access);
  if (!owner) return [];
  let table = members.get(owner);
  if (!table) {
    table = collectMembers(owner);
    members.set(owner, table);
  }
  return table.get(access.name.text) ?? [];
}

/** The expression a variable binding was initialised with (destructuring: the whole right-hand side). */
export function variableInitializer(binding: Binding): ts.Expression | undefined {
  return binding.kind === 'variable' ? binding.declaration.initializer : undefined;
}

export function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

function assignedIdentifier(node: ts.Node): ts.Identifier | null {
  let target: ts.Expression | null = null;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) target = node.left;
  else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node))
    && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) target = node.operand;
  const unwrapped = target ? unwrap(target) : null;
  return unwrapped && ts.isIdentifier(unwrapped) ? unwrapped : null;
}

/**
 * Whether a `let`/`var` binding is assigned again after its declaration
 * (`let id = ""; switch (m) { case …: id = x }`): its initializer is then not its value.
 * Walks the file iteratively (deeply nested code must not overflow the stack).
 */
export function isReassigned(declaration: ts.VariableDeclaration): boolean {
  if (isConstDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const known = reassignedCache.get(declaration);
  if (known !== undefined) return known;
  const name = declaration.name.text;
  const stack: ts.Node[] = [declaration.getSourceFile()];
  let reassigned = false;
  while (stack.length > 0 && !reassigned) {
    const node = stack.pop()!;
    const target = assignedIdentifier(node);
    if (target && target.text === name) {
      const binding = lookupBinding(name, target);
      reassigned = binding?.kind === 'variable' && binding.declaration === declaration;
    }
    node.forEachChild((child) => { stack.push(child); });
  }
  reassignedCache.set(declaration, reassigned);
  return reassigned;
}
