import type { Node, Tree } from 'web-tree-sitter';
import type { FlowStep, Location, OutputCaller, UserInput } from '../../core/facts';
import { isSanitizer, isShellCommandFlag, sinkCalleeNames, sinkShapes, type SinkShape } from '../../catalog/sinks';
import { plumbingAnnotations, plumbingParameterNames, pythonHandlerDecorator, requestMembers, requestRoots, uiInputCalls, userInputNames } from '../../catalog/user-input';
import { enclosingFunction, mayEndIn, type PythonContext } from './context';
import type { AnalysedCall } from './llm-calls';
import { isUnresolved, originOf } from './resolve';
import type { Scope } from './scopes';
import { callArguments, methodName, namedChildrenOf, plainString, unwrap } from './syntax';
import { mayHoldSink } from './triggers';

/**
 * Intraprocedural data flow for the security rules: where model output goes
 * (LlmCall.output), which calls are dangerous sinks (Sink facts), and where
 * request or user data enters a function that builds a system prompt
 * (UserInput facts). Flow follows assignments in source order within one
 * function (or the module's top level); a sanitiser call ends it.
 */

const pySinks = sinkShapes.filter((shape) => shape.language === 'python');
const sinkNames = sinkCalleeNames('python');
const uiInputNames = new Set(uiInputCalls.map((path) => path.slice(path.lastIndexOf('.') + 1)));
const instructionRoles = new Set(['system', 'developer', 'instructions']);

/** A binding in source order: `targets` take the value of `value`. */
interface Assignment {
  targets: Node[];
  value: Node;
  /** `x += v` keeps what `x` held. */
  keeps: boolean;
}

interface Body {
  /** The function's scope; the module scope for top-level code. */
  scope: Scope;
  node: Node;
  assignments: Assignment[];
  /** Values of `return` statements. */
  returns: Node[];
  calls: Node[];
  attributes: Node[];
}

const walkTypes = ['function_definition', 'class_definition', 'assignment', 'augmented_assignment', 'for_statement', 'with_item', 'named_expression', 'return_statement', 'call', 'attribute'];

/** One wasm walk; each node goes to the innermost function (or the module) around it, by source range. */
function collectBodies(context: PythonContext, tree: Tree, withAttributes: boolean): Body[] {
  const root = tree.rootNode;
  const module: Body = { scope: context.model.module, node: root, assignments: [], returns: [], calls: [], attributes: [] };
  const bodies = [module];
  const frames: { end: number; body: Body | null }[] = [{ end: Infinity, body: module }];
  // Attributes are many; only request-body reads need them.
  for (const node of root.descendantsOfType(withAttributes ? walkTypes : walkTypes.slice(0, -1))) {
    while (frames.length > 1 && frames[frames.length - 1].end <= node.startIndex) frames.pop();
    const body = frames[frames.length - 1].body;
    if (node.type === 'function_definition' || node.type === 'class_definition') {
      const scope = context.model.definitionScopes.get(node.id);
      const entered = node.type === 'function_definition' && scope ? { scope, node, assignments: [], returns: [], calls: [], attributes: [] } : null;
      if (entered) bodies.push(entered);
      frames.push({ end: node.endIndex, body: entered });
      continue;
    }
    if (!body) continue; // a class body: neither a function nor top-level code
    if (node.type === 'call') body.calls.push(node);
    else if (node.type === 'attribute') body.attributes.push(node);
    else if (node.type === 'return_statement') {
      const value = namedChildrenOf(node)[0];
      if (value) body.returns.push(value);
    }
    else {
      const assignment = assignmentOf(node);
      if (assignment) body.assignments.push(assignment);
    }
  }
  return bodies;
}

function identifiersIn(target: Node): Node[] {
  if (target.type === 'identifier') return [target];
  if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression'].includes(target.type)) return namedChildrenOf(target).flatMap(identifiersIn);
  return [];
}

function assignmentOf(node: Node): Assignment | null {
  switch (node.type) {
    case 'assignment': {
      let value = node.childForFieldName('right');
      while (value?.type === 'assignment') value = value.childForFieldName('right');
      const left = node.childForFieldName('left');
      return left && value ? { targets: identifiersIn(left), value, keeps: false } : null;
    }
    case 'augmented_assignment': {
      const left = node.childForFieldName('left');
      const value = node.childForFieldName('right');
      return left && value ? { targets: identifiersIn(left), value, keeps: true } : null;
    }
    case 'for_statement': {
      const left = node.childForFieldName('left');
      const value = node.childForFieldName('right');
      return left && value ? { targets: identifiersIn(left), value, keeps: false } : null;
    }
    case 'named_expression': {
      const name = node.childForFieldName('name');
      const value = node.childForFieldName('value');
      return name && value ? { targets: [name], value, keeps: false } : null;
    }
    case 'with_item': {
      const value = node.childForFieldName('value');
      if (value?.type !== 'as_pattern') return null;
      const expression = namedChildrenOf(value)[0];
      const alias = value.childForFieldName('alias');
      const target = alias ? namedChildrenOf(alias)[0] ?? alias : null;
      return expression && target ? { targets: identifiersIn(target), value: expression, keeps: false } : null;
    }
  }
  return null;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/**
 * Local names an expression reads: not attribute names, not keyword names, not through a sanitiser.
 * Sanitiser argument ranges are collected once per expression: walking up from every identifier
 * costs quadratic time on deeply nested code.
 */
function namesRead(expression: Node): Node[] {
  const identifiers = expression.type === 'identifier' ? [expression] : expression.descendantsOfType('identifier');
  const sanitizedRanges = (expression.type === 'call' ? [expression] : []).concat(expression.descendantsOfType('call'))
    .filter((call) => {
      const callee = call.childForFieldName('function');
      return callee !== null && isSanitizer('python', callee.text);
    })
    .map((call) => call.childForFieldName('arguments'))
    .filter((args): args is Node => args !== null);
  return identifiers.filter((identifier) => {
    const parent = identifier.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === identifier.id) return false;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === identifier.id) return false;
    return !sanitizedRanges.some((args) => contains(args, identifier));
  });
}

/** What a value reads from the flow so far: the seed itself (null), a tainted name, or nothing (undefined). */
type Seed = (value: Node) => boolean;

/**
 * Follows a source through the assignments of one body, in source order:
 * a target whose value holds the seed or reads a tainted name is tainted;
 * one re-bound to something else is not any more.
 */
function propagate(body: Body, seed: Seed, initial: FlowStep[], loc: (node: Node) => Location): FlowStep[] {
  const tainted = new Map<string, FlowStep>(initial.map((step) => [step.name, step]));
  const steps = [...initial];
  for (const assignment of body.assignments) {
    let from: string | null | undefined = seed(assignment.value) && !seedSanitized(assignment.value, seed) ? null : undefined;
    if (from === undefined) from = namesRead(assignment.value).find((name) => tainted.has(name.text) && name.startIndex < assignment.value.endIndex)?.text;
    for (const target of assignment.targets) {
      if (from !== undefined) {
        if (tainted.has(target.text) && assignment.keeps) continue;
        const step = { name: target.text, loc: loc(target), from };
        tainted.set(target.text, step);
        steps.push(step);
      } else if (!assignment.keeps && tainted.delete(target.text)) steps.push({ name: target.text, loc: loc(target), from: null, cleared: true });
    }
  }
  return steps;
}

/** A seed inside a sanitiser's arguments (`Answer.model_validate_json(client.…create(…))`) is cleaned there. */
function seedSanitized(value: Node, seed: Seed): boolean {
  const call = unwrap(value);
  if (call.type !== 'call') return false;
  const callee = call.childForFieldName('function');
  return Boolean(callee && isSanitizer('python', callee.text) && seed(call));
}

function sinkOf(shape: SinkShape, call: Node, origin: string, callee: Node): boolean {
  if (shape.callee) {
    const text = callee.text;
    if (!shape.callee.includes(origin) && !shape.callee.includes(text)) return false;
  } else if (shape.method) {
    if (callee.type !== 'attribute') return false;
    const method = callee.childForFieldName('attribute')?.text ?? '';
    if (!shape.method.includes(method)) return false;
    const receiver = (callee.childForFieldName('object')?.text ?? '').replace(/\(\)$/, '');
    if (shape.receiver && !shape.receiver.test(receiver)) return false;
  }
  if (shape.requiresFlag) {
    const flag = callArguments(call).keywords.get(shape.requiresFlag);
    if (flag?.text !== 'True') return false;
  }
  return !shape.shellArgv || shellCommandLine(callArguments(call).positional[shape.argument as number]) !== null;
}

/** The command line of `["bash", "-c", cmd]`: the element after a shell's command flag. */
function shellCommandLine(argv: Node | undefined): Node | null {
  if (argv?.type !== 'list' && argv?.type !== 'tuple') return null;
  const [program, flag, commandLine] = namedChildrenOf(argv);
  const programName = program ? plainString(program) : null;
  const flagText = flag ? plainString(flag) : null;
  return programName !== null && flagText !== null && commandLine && isShellCommandFlag(programName, flagText) ? commandLine : null;
}

/** The sink as the message names it: `subprocess.run(shell=True)`, `subprocess.run(["bash", "-c", …])`. */
function sinkCallee(shape: SinkShape, callee: Node, positional: Node[]): string {
  if (shape.requiresFlag) return `${callee.text}(${shape.requiresFlag}=True)`;
  if (shape.shellArgv) return `${callee.text}([${namedChildrenOf(positional[shape.argument as number]).slice(0, 2).map((element) => element.text).join(', ')}, …])`;
  return callee.text;
}

function emitSinks(context: PythonContext, body: Body): void {
  const functionName = body.scope.kind === 'module' ? null : enclosingFunction(body.scope);
  for (const call of body.calls) {
    const callee = call.childForFieldName('function');
    if (!callee || !mayEndIn(context, methodName(callee), sinkNames)) continue;
    const resolved = originOf(callee, body.scope).path;
    const origin = isUnresolved(resolved) ? callee.text : resolved.replace(/\(\)/g, '');
    const shape = pySinks.find((candidate) => sinkOf(candidate, call, origin, callee));
    if (!shape) continue;
    const positional = callArguments(call).positional;
    const consumed = shape.argument === 'all' ? positional
      : shape.shellArgv ? [shellCommandLine(positional[shape.argument])!]
        : positional.slice(shape.argument, shape.argument + 1);
    for (const argument of consumed) {
      context.facts.sinks.push({
        kind: 'sink',
        loc: context.loc(call),
        sink: shape.id,
        category: shape.category,
        callee: sinkCallee(shape, callee, positional),
        enclosingFunction: functionName,
        consumed: { expression: argument.text, loc: context.loc(argument), names: [...new Set(namesRead(argument).map((name) => name.text))] },
      });
    }
  }
}

/** Model output: each chat/agent call's result and what is derived from it in its function. */
function emitOutputs(context: PythonContext, bodies: Body[], calls: AnalysedCall[]): void {
  for (const analysed of calls) {
    const { shape, site } = analysed.match;
    if (shape.construct || (shape.operation !== 'chat' && shape.operation !== 'completion' && shape.operation !== 'agent')) continue;
    const callee = site.node.childForFieldName('function') ?? site.node;
    const fact = context.facts.llmCalls.find((candidate) => candidate.loc.line === callee.startPosition.row + 1 && candidate.loc.column === callee.startPosition.column + 1);
    const body = innermostBody(bodies, site.node);
    if (!fact || !body) continue;
    fact.output = propagate(body, (value) => contains(value, site.node), [], context.loc);
    if (returnsOutput(body, site.node, fact.output)) fact.returnedTo = callersOf(context, bodies, body);
  }
}

/** Whether a function returns the call's result or a name derived from it. */
function returnsOutput(body: Body, call: Node, output: FlowStep[]): boolean {
  if (body.scope.kind !== 'function') return false;
  const held = new Set(output.filter((step) => !step.cleared).map((step) => step.name));
  return body.returns.some((value) => contains(value, call) || namesRead(value).some((name) => held.has(name.text)));
}

/**
 * Calls of a function elsewhere in the file: `name(…)` for a plain function, `self.name(…)`
 * or `cls.name(…)` from the methods of its class; with what each caller derives from the result.
 */
function callersOf(context: PythonContext, bodies: Body[], callee: Body): OutputCaller[] {
  const name = callee.scope.name;
  const owner = callee.scope.parent?.kind === 'class' ? callee.scope.parent : null;
  const callers: OutputCaller[] = [];
  for (const body of bodies) {
    if (body === callee) continue;
    const sameClass = owner !== null && body.scope.parent === owner;
    for (const call of body.calls) {
      const target = call.childForFieldName('function');
      const calls = owner === null
        ? target?.type === 'identifier' && target.text === name
        : sameClass && target?.type === 'attribute' && target.childForFieldName('attribute')?.text === name && /^(self|cls)$/.test(target.childForFieldName('object')?.text ?? '');
      if (!calls) continue;
      callers.push({
        enclosingFunction: body.scope.kind === 'module' ? null : enclosingFunction(body.scope),
        loc: context.loc(call),
        output: propagate(body, (value) => contains(value, call), [], context.loc),
      });
    }
  }
  return callers;
}

function innermostBody(bodies: Body[], node: Node): Body | null {
  let best: Body | null = null;
  for (const body of bodies) if (contains(body.node, node) && (!best || contains(best.node, body.node))) best = body;
  return best;
}

function isHandler(scope: Scope): boolean {
  return scope.decorators.some((decorator) => pythonHandlerDecorator.test(decorator.text));
}

/** Parameters of a function that are user data: all non-plumbing ones of a web handler, and those named like user input. */
/**
 * Framework plumbing, not user data: by its annotation when it has one (`db: Session`), else by
 * its name (`request`, `ctx`). A `request` annotated with the app's own body model
 * (`request: ChatRequest`, a FastAPI/Pydantic body) is the user's data.
 */
function isPlumbing(name: string, annotation: string): boolean {
  if (plumbingAnnotations.test(annotation)) return true;
  if (annotation && /^(request|req|body)$/i.test(name)) return false;
  return plumbingParameterNames.test(name);
}

function parameterSources(body: Body): { node: Node; name: string; reason: UserInput['reason'] }[] {
  const sources: { node: Node; name: string; reason: UserInput['reason'] }[] = [];
  const handler = isHandler(body.scope);
  for (const bindings of body.scope.bindings.values()) {
    for (const binding of bindings) {
      if (binding.kind !== 'parameter') continue;
      const annotation = binding.annotation?.text ?? '';
      const defaultValue = binding.node.childForFieldName('value')?.text ?? '';
      if (userInputNames.test(binding.name)) sources.push({ node: binding.node, name: binding.name, reason: 'user-named-parameter' });
      else if (handler && !isPlumbing(binding.name, annotation) && !/^(Depends|Security)\(/.test(defaultValue)) {
        sources.push({ node: binding.node, name: binding.name, reason: 'handler-parameter' });
      }
    }
  }
  return sources;
}

/** `request.json`, `request.get_json()`, `request.form["q"]`: the attribute node of a request body read. */
function isRequestRead(attribute: Node): boolean {
  const object = attribute.childForFieldName('object');
  const member = attribute.childForFieldName('attribute')?.text ?? '';
  return object?.type === 'identifier' && requestRoots.includes(object.text) && requestMembers.includes(member);
}

/** UserInput facts, only for bodies that hold a system/developer/instructions prompt (the only place GD503 looks). */
function emitUserInputs(context: PythonContext, bodies: Body[]): void {
  const prompts = context.facts.prompts.filter((prompt) => instructionRoles.has(prompt.role));
  if (prompts.length === 0) return;
  for (const body of bodies) {
    const scopeLoc = context.loc(body.node);
    const inner = bodies.filter((other) => other !== body && contains(body.node, other.node));
    const holdsPrompt = prompts.some((prompt) => within(prompt.loc, scopeLoc) && !inner.some((other) => within(prompt.loc, context.loc(other.node))));
    if (!holdsPrompt) continue;
    const functionName = body.scope.kind === 'module' ? null : enclosingFunction(body.scope);
    const push = (loc: Location, expression: string, reason: UserInput['reason'], names: FlowStep[]) => {
      context.facts.userInputs.push({ kind: 'userInput', loc, expression, reason, enclosingFunction: functionName, scope: scopeLoc, names });
    };
    for (const source of body.scope.kind === 'module' ? [] : parameterSources(body)) {
      const first: FlowStep = { name: source.name, loc: context.loc(source.node), from: null };
      push(first.loc, source.name, source.reason, propagate(body, () => false, [first], context.loc));
    }
    for (const attribute of body.attributes.filter(isRequestRead)) {
      if (attribute.parent?.type === 'attribute' && isRequestRead(attribute.parent)) continue;
      push(context.loc(attribute), attribute.text, 'request-body', propagate(body, (value) => contains(value, attribute), [], context.loc));
    }
    for (const call of body.calls) {
      const callee = call.childForFieldName('function');
      if (!callee || !mayEndIn(context, methodName(callee), uiInputNames)) continue;
      const resolved = originOf(callee, body.scope).path.replace(/\(\)/g, '');
      const origin = isUnresolved(resolved) ? callee.text : resolved;
      if (!uiInputCalls.includes(origin)) continue;
      push(context.loc(call), call.text.length > 60 ? `${callee.text}(…)` : call.text, 'ui-input', propagate(body, (value) => contains(value, call), [], context.loc));
    }
  }
}

function within(inner: Location, outer: Location): boolean {
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}

/** Emits model-output flows, sinks and user-input sources of one module. */
export function emitFlows(context: PythonContext, calls: AnalysedCall[], tree: Tree, source: string): void {
  const hasInstructions = context.facts.prompts.some((prompt) => instructionRoles.has(prompt.role));
  // Model output matters only where it can reach a sink: files with an LLM call and a sink's words.
  const sinks = context.facts.llmCalls.length > 0 && mayHoldSink(source);
  if (!sinks && !hasInstructions) return;
  const bodies = collectBodies(context, tree, hasInstructions);
  if (sinks) {
    emitOutputs(context, bodies, calls);
    for (const body of bodies) emitSinks(context, body);
  }
  // User input matters only where it can reach a system prompt.
  if (hasInstructions) emitUserInputs(context, bodies);
}
