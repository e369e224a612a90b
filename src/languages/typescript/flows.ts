import ts from 'typescript';
import type { FlowStep, LlmCall, Location, OutputCaller, UserInput } from '../../core/facts';
import { htmlJsxAttribute, htmlProperties, isSanitizer, isShellCommandFlag, sinkCalleeNames, sinkShapes, type SinkShape } from '../../catalog/sinks';
import { jsHandlerExports, plumbingParameterNames, requestMembers, requestRoots, userInputNames } from '../../catalog/user-input';
import type { FileContext } from './context';
import { passthroughMethods } from '../../catalog/sdk-calls';
import { originPaths, resolveOrigin } from './origin';
import { functionName, literalText, locationOf, mayEndIn, textOf, unwrap, type CallLike } from './syntax';

/**
 * Intraprocedural data flow for the security rules (see python/flows.ts):
 * model output (LlmCall.output), dangerous sinks (Sink facts) and request or
 * user data in functions that build a system prompt (UserInput facts). A
 * "function" is the nearest named one, anonymous callbacks included, as for
 * LlmCall.enclosingFunction.
 */

const tsSinks = sinkShapes.filter((shape) => shape.language === 'typescript');
const sinkNames = new Set([...sinkCalleeNames('typescript'), ...passthroughMethods]);
const instructionRoles = new Set(['system', 'developer', 'instructions']);

interface Assignment {
  targets: ts.Identifier[];
  value: ts.Expression;
  keeps: boolean;
}

interface Body {
  node: ts.Node;
  name: string | null;
  assignments: Assignment[];
  /** Returned values: `return` statements and an arrow function's expression body. */
  returns: ts.Expression[];
  calls: CallLike[];
  /** `el.innerHTML = x`, JSX `dangerouslySetInnerHTML={…}`. */
  htmlWrites: { at: ts.Node; value: ts.Expression; callee: string }[];
  requestReads: ts.PropertyAccessExpression[];
  parameters: ts.ParameterDeclaration[];
  /** Exported `POST`/`GET`… route handlers (Next.js, Remix `action`). */
  handler: boolean;
}

function bindingNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  const names: ts.Identifier[] = [];
  for (const element of name.elements) if (!ts.isOmittedExpression(element)) names.push(...bindingNames(element.name));
  return names;
}

function isNamedFunction(node: ts.Node): boolean {
  return ts.isFunctionLike(node) && 'body' in node && functionName(node as ts.FunctionLikeDeclaration) !== null;
}

function isExportedHandler(node: ts.Node): boolean {
  if (!ts.isFunctionDeclaration(node) || !node.name || !jsHandlerExports.includes(node.name.text)) return false;
  return Boolean(ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword));
}

/** One iterative walk; each node goes to the nearest named function around it (or the module). */
function collectBodies(sourceFile: ts.SourceFile): Body[] {
  const newBody = (node: ts.Node, name: string | null): Body => ({
    node, name, assignments: [], returns: [], calls: [], htmlWrites: [], requestReads: [], parameters: [], handler: isExportedHandler(node),
  });
  const module = newBody(sourceFile, null);
  const bodies = [module];
  const stack: { node: ts.Node; body: Body }[] = [{ node: sourceFile, body: module }];
  while (stack.length > 0) {
    const { node, body: outer } = stack.pop()!;
    let body = outer;
    if (node !== sourceFile && isNamedFunction(node)) {
      body = newBody(node, functionName(node as ts.FunctionLikeDeclaration));
      bodies.push(body);
      if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) body.returns.push(node.body);
    }
    if (ts.isReturnStatement(node) && node.expression) body.returns.push(node.expression);
    if (ts.isParameter(node)) body.parameters.push(node);
    else if (ts.isVariableDeclaration(node) && node.initializer) body.assignments.push({ targets: bindingNames(node.name), value: node.initializer, keeps: false });
    else if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if ((operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.PlusEqualsToken) && ts.isIdentifier(node.left)) {
        body.assignments.push({ targets: [node.left], value: node.right, keeps: operator === ts.SyntaxKind.PlusEqualsToken });
      } else if ((operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.PlusEqualsToken) && ts.isPropertyAccessExpression(node.left) && htmlProperties.includes(node.left.name.text)) {
        body.htmlWrites.push({ at: node, value: node.right, callee: `.${node.left.name.text} =` });
      }
    } else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer)) {
      for (const declaration of node.initializer.declarations) body.assignments.push({ targets: bindingNames(declaration.name), value: node.expression, keeps: false });
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) body.calls.push(node);
    else if (ts.isJsxAttribute(node) && ts.isIdentifier(node.name) && node.name.text === htmlJsxAttribute && node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression) {
      body.htmlWrites.push({ at: node, value: node.initializer.expression, callee: htmlJsxAttribute });
    } else if (ts.isPropertyAccessExpression(node) && isRequestRead(node)) body.requestReads.push(node);
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], body });
  }
  return bodies;
}

function isRequestRead(access: ts.PropertyAccessExpression): boolean {
  const object = unwrap(access.expression);
  const root = ts.isIdentifier(object) ? object.text : ts.isPropertyAccessExpression(object) && ts.isIdentifier(object.expression) && object.name.text === 'req' ? 'req' : null;
  return root !== null && requestRoots.includes(root) && requestMembers.includes(access.name.text);
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return outer.pos <= inner.pos && inner.end <= outer.end;
}

function sanitized(identifier: ts.Node, within: ts.Node): boolean {
  for (let current = identifier.parent; current && contains(within, current); current = current.parent) {
    if (ts.isCallExpression(current) && current.arguments.some((argument) => contains(argument, identifier)) && isSanitizer('typescript', textOf(current.expression))) return true;
  }
  return false;
}

/** Local names an expression reads: not property names, not through a sanitiser. Iterative. */
function namesRead(expression: ts.Node): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const stack: ts.Node[] = [expression];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isMemberName && !sanitized(node, expression)) found.push(node);
      continue;
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return found.sort((a, b) => a.pos - b.pos);
}

function seedSanitized(value: ts.Expression, seed: (value: ts.Node) => boolean): boolean {
  const call = unwrap(value);
  return ts.isCallExpression(call) && isSanitizer('typescript', textOf(call.expression)) && seed(call);
}

function propagate(body: Body, seed: (value: ts.Node) => boolean, initial: FlowStep[], file: string): FlowStep[] {
  const tainted = new Set(initial.map((step) => step.name));
  const steps = [...initial];
  for (const assignment of body.assignments) {
    let from: string | null | undefined = seed(assignment.value) && !seedSanitized(assignment.value, seed) ? null : undefined;
    if (from === undefined) from = namesRead(assignment.value).find((name) => tainted.has(name.text))?.text;
    for (const target of assignment.targets) {
      if (from !== undefined) {
        if (tainted.has(target.text) && assignment.keeps) continue;
        tainted.add(target.text);
        steps.push({ name: target.text, loc: locationOf(target, file), from });
      } else if (!assignment.keeps && tainted.delete(target.text)) steps.push({ name: target.text, loc: locationOf(target, file), from: null, cleared: true });
    }
  }
  return steps;
}

function calleePaths(call: CallLike): string[] {
  const text = textOf(call.expression);
  const paths = originPaths(resolveOrigin(call.expression)).filter((path) => !path.startsWith('?')).map((path) => path.replace(/\(\)/g, ''));
  return [...paths, text];
}

function matchesShape(shape: SinkShape, call: CallLike, paths: () => string[]): boolean {
  if (Boolean(shape.construct) !== ts.isNewExpression(call)) return false;
  const callee = unwrap(call.expression);
  if (shape.callee) {
    if (!paths().some((path) => shape.callee!.includes(path))) return false;
  } else if (shape.method) {
    if (!ts.isPropertyAccessExpression(callee) || !shape.method.includes(callee.name.text)) return false;
    const receiver = textOf(callee.expression).replace(/\(\)$/, '');
    if (shape.receiver && !shape.receiver.test(receiver)) return false;
  }
  if (shape.requiresFlag) {
    const options = call.arguments?.find((argument) => ts.isObjectLiteralExpression(argument)) as ts.ObjectLiteralExpression | undefined;
    const flag = options?.properties.find((property) => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === shape.requiresFlag) as ts.PropertyAssignment | undefined;
    if (flag?.initializer.kind !== ts.SyntaxKind.TrueKeyword) return false;
  }
  return !shape.shellArgv || shellCommandLine(call, shape.argument as number) !== null;
}

/** The command line of `spawn("bash", ["-c", cmd])`: the element after a shell's command flag. */
function shellCommandLine(call: CallLike, listIndex: number): ts.Expression | null {
  const program = call.arguments?.[listIndex - 1];
  const list = call.arguments?.[listIndex];
  if (!program || !list || !ts.isArrayLiteralExpression(list)) return null;
  const [flag, commandLine] = list.elements;
  const programName = literalText(program);
  const flagText = flag ? literalText(flag) : null;
  return programName !== null && flagText !== null && commandLine && isShellCommandFlag(programName, flagText) ? commandLine : null;
}

function emitSinks(context: FileContext, body: Body): void {
  const push = (at: ts.Node, shape: Pick<SinkShape, 'id' | 'category'>, callee: string, argument: ts.Expression) => {
    context.facts.sinks.push({
      kind: 'sink', loc: locationOf(at, context.file), sink: shape.id, category: shape.category, callee, enclosingFunction: body.name,
      consumed: { expression: textOf(argument), loc: locationOf(argument, context.file), names: [...new Set(namesRead(argument).map((name) => name.text))] },
    });
  };
  for (const call of body.calls) {
    if (!mayEndIn(call, sinkNames)) continue;
    let paths: string[] | undefined;
    const shape = tsSinks.find((candidate) => matchesShape(candidate, call, () => (paths ??= calleePaths(call))));
    if (!shape) continue;
    const args = [...(call.arguments ?? [])];
    const consumed = shape.argument === 'all' ? args
      : shape.shellArgv ? [shellCommandLine(call, shape.argument)!]
        : args.slice(shape.argument, shape.argument + 1);
    const list = shape.argument as number;
    const argv = shape.shellArgv ? `(${textOf(args[list - 1])}, [${textOf((args[list] as ts.ArrayLiteralExpression).elements[0])}, …])` : '';
    const callee = `${ts.isNewExpression(call) ? 'new ' : ''}${textOf(call.expression)}${shape.requiresFlag ? `({ ${shape.requiresFlag}: true })` : argv}`;
    for (const argument of consumed) push(call, shape, callee, argument);
  }
  for (const write of body.htmlWrites) push(write.at, { id: 'innerHTML', category: 'html' }, write.callee, write.value);
}

function factFor(call: CallLike, facts: readonly LlmCall[], file: string): LlmCall | undefined {
  const loc = locationOf(call.expression, file);
  return facts.find((fact) => fact.loc.line === loc.line && fact.loc.column === loc.column);
}

function innermost(bodies: Body[], node: ts.Node): Body {
  let best = bodies[0];
  for (const body of bodies) if (contains(body.node, node) && contains(best.node, body.node)) best = body;
  return best;
}

function within(inner: Location, outer: Location): boolean {
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}

function emitUserInputs(context: FileContext, bodies: Body[]): void {
  const prompts = context.facts.prompts.filter((prompt) => instructionRoles.has(prompt.role));
  if (prompts.length === 0) return;
  for (const body of bodies) {
    const scope = locationOf(body.node, context.file);
    const inner = bodies.filter((other) => other !== body && contains(body.node, other.node)).map((other) => locationOf(other.node, context.file));
    if (!prompts.some((prompt) => within(prompt.loc, scope) && !inner.some((other) => within(prompt.loc, other)))) continue;
    const push = (loc: Location, expression: string, reason: UserInput['reason'], names: FlowStep[]) => {
      context.facts.userInputs.push({ kind: 'userInput', loc, expression, reason, enclosingFunction: body.name, scope, names });
    };
    for (const parameter of body.parameters) {
      if (!ts.isIdentifier(parameter.name)) continue;
      const name = parameter.name.text;
      const reason = userInputNames.test(name) ? 'user-named-parameter' : body.handler && !plumbingParameterNames.test(name) ? 'handler-parameter' : null;
      if (!reason) continue;
      const first: FlowStep = { name, loc: locationOf(parameter.name, context.file), from: null };
      push(first.loc, name, reason, propagate(body, () => false, [first], context.file));
    }
    for (const read of body.requestReads) {
      if (ts.isPropertyAccessExpression(read.parent) && isRequestRead(read.parent)) continue;
      push(locationOf(read, context.file), textOf(read), 'request-body', propagate(body, (value) => contains(value, read), [], context.file));
    }
  }
}

/** Whether a named function returns the call's result or a name derived from it. */
function returnsOutput(body: Body, call: CallLike, output: FlowStep[]): boolean {
  if (body.name === null) return false;
  const held = new Set(output.filter((step) => !step.cleared).map((step) => step.name));
  return body.returns.some((value) => contains(value, call) || namesRead(value).some((name) => held.has(name.text)));
}

/**
 * Calls of a function elsewhere in the file (see python/flows.ts): `name(…)` for a function,
 * `this.name(…)` from its class for a method; with what each caller derives from the result.
 */
function callersOf(context: FileContext, bodies: Body[], callee: Body): OutputCaller[] {
  const name = callee.name!.slice(callee.name!.lastIndexOf('.') + 1);
  const method = ts.isMethodDeclaration(callee.node) || ts.isPropertyDeclaration(callee.node.parent);
  const owner = method ? callee.node.parent : null;
  const callers: OutputCaller[] = [];
  for (const body of bodies) {
    if (body === callee) continue;
    for (const call of body.calls) {
      const target = unwrap(call.expression);
      const calls = owner === null
        ? ts.isIdentifier(target) && target.text === name
        : ts.isPropertyAccessExpression(target) && target.name.text === name && target.expression.kind === ts.SyntaxKind.ThisKeyword && contains(owner, call);
      if (!calls) continue;
      callers.push({ enclosingFunction: body.name, loc: locationOf(call, context.file), output: propagate(body, (value) => contains(value, call), [], context.file) });
    }
  }
  return callers;
}

/** Emits model-output flows, sinks and user-input sources of one file. */
export function emitFlows(context: FileContext, llmCalls: readonly CallLike[]): void {
  const hasInstructions = context.facts.prompts.some((prompt) => instructionRoles.has(prompt.role));
  if (context.facts.llmCalls.length === 0 && !hasInstructions) return;
  const bodies = collectBodies(context.sourceFile);
  for (const call of llmCalls) {
    const fact = factFor(call, context.facts.llmCalls, context.file);
    if (!fact || (fact.operation !== 'chat' && fact.operation !== 'completion' && fact.operation !== 'agent')) continue;
    const body = innermost(bodies, call);
    fact.output = propagate(body, (value) => contains(value, call), [], context.file);
    if (returnsOutput(body, call, fact.output)) fact.returnedTo = callersOf(context, bodies, body);
  }
  if (context.facts.llmCalls.length > 0) for (const body of bodies) emitSinks(context, body);
  emitUserInputs(context, bodies);
}
