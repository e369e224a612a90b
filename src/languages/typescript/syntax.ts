import ts from 'typescript';
import type { Location } from '../../core/facts';

export type CallLike = ts.CallExpression | ts.NewExpression;

export function isCallLike(node: ts.Node): node is CallLike {
  return ts.isCallExpression(node) || ts.isNewExpression(node);
}

/** Strips what does not change a value: parentheses, `await`, `!`, `as X`, `<X>e`, `satisfies X`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAwaitExpression(current) || ts.isNonNullExpression(current)
      || ts.isAsExpression(current) || ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current)) {
      current = current.expression;
    } else return current;
  }
}

/**
 * Whether a call's origin can end in one of `names`: `a.b.name(…)` resolves to a path ending
 * in `name` unless it reads a member of `this`; other callees can resolve to anything. Lets a
 * pass rule most calls out before resolving their origin.
 */
export function mayEndIn(call: CallLike, names: ReadonlySet<string> | null): boolean {
  const callee = unwrap(call.expression);
  if (names === null || !ts.isPropertyAccessExpression(callee)) return true;
  return names.has(callee.name.text) || callee.expression.kind === ts.SyntaxKind.ThisKeyword;
}

export function locationOf(node: ts.Node, file: string): Location {
  const sourceFile = node.getSourceFile();
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function textOf(node: ts.Node): string {
  return node.getText(node.getSourceFile());
}

/** Visits every node in source order without recursion (5,000-deep nesting must not overflow the stack). */
export function forEachNode(root: ts.Node, visit: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
}

/** The text of a string literal or a template without holes. */
export function literalText(node: ts.Node): string | null {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | null {
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return null;
}

/** The last `name: value` (or shorthand `name`) of an object literal; spreads are not followed. */
export function objectProperty(object: ts.ObjectLiteralExpression, name: string): { key: ts.Node; value: ts.Expression } | null {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index];
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return { key: property.name, value: property.initializer };
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return { key: property.name, value: property.name };
    if (ts.isMethodDeclaration(property) && propertyNameText(property.name) === name) return { key: property.name, value: property as unknown as ts.Expression };
  }
  return null;
}

export function calleeName(call: CallLike): string | null {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

type NamedFunction = ts.FunctionLikeDeclaration;

function className(node: ts.Node): string | null {
  return (ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name ? node.name.text : null;
}

/** Name a function is known by: its own, the variable/property it is assigned to, `Class.method` for members. */
export function functionName(fn: NamedFunction): string | null {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (ts.isMethodDeclaration(fn) || ts.isGetAccessor(fn) || ts.isSetAccessor(fn) || ts.isConstructorDeclaration(fn)) {
    const member = ts.isConstructorDeclaration(fn) ? 'constructor' : propertyNameText(fn.name);
    const owner = className(fn.parent);
    return owner ? `${owner}.${member}` : member;
  }
  let holder: ts.Node = fn.parent;
  // `const handler = traceable(async () => …)`: the wrapper's assignment names the function.
  if (ts.isCallExpression(holder) && holder.arguments.includes(fn as ts.Expression)) holder = holder.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  if (ts.isPropertyAssignment(holder)) return propertyNameText(holder.name);
  if (ts.isPropertyDeclaration(holder)) {
    const owner = className(holder.parent);
    const member = propertyNameText(holder.name);
    return owner ? `${owner}.${member}` : member;
  }
  return null;
}

/** Nearest named enclosing function; anonymous callbacks are looked through. */
export function enclosingFunctionName(node: ts.Node): string | null {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && 'body' in current) {
      const name = functionName(current as NamedFunction);
      if (name) return name;
    }
  }
  return null;
}
