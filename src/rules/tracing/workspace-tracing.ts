import type { FileFacts, LlmCall, Location } from '../../core/facts';
import type { Fix } from '../../core/finding';
import { linesOf, TextMemo } from '../../core/lines';
import { argumentsOf } from './data-flow';

/**
 * Fixes of the tracing family offer only the tracing the workspace already
 * uses: the tracing decorator found on other Python functions (with the import
 * the workspace writes for it), or the AI SDK's per-call telemetry option when
 * other calls set it. Never a library the workspace does not use.
 */

export interface WorkspaceDecorator {
  library: string;
  /** As it is written above a function: `@traceable`, `@observe()`. */
  text: string;
  /** The name the decorator needs bound: `traceable`, `mlflow`. */
  root: string;
  /** The import statement that binds `root`, as the workspace writes it. */
  importLine: string;
}

function isPython(file: string): boolean {
  return file.endsWith('.py');
}

/** `@traceable(name="x")` → `@traceable()`; arguments named one function are not copied to another. */
function decoratorHead(signal: string): { text: string; root: string } | null {
  const match = /^@([A-Za-z_][\w.]*)\s*(\()?/.exec(signal);
  if (!match) return null;
  return { text: `@${match[1]}${match[2] ? '()' : ''}`, root: match[1].split('.')[0] };
}

/**
 * Import bindings of the texts fixes were built for, remembered: phase 2 builds a fix for every
 * untraced call after every edit, many calls share a file, and only the edited text is new.
 */
const bindingsByText = new TextMemo<Map<string, string | null>>(512);

/** The import statement of a Python module that binds `name`, as written there (one line). */
export function importBinding(text: string, name: string): string | null {
  const bindings = bindingsByText.get(text, () => new Map());
  let binding = bindings.get(name);
  if (binding === undefined) bindings.set(name, (binding = findImportBinding(text, name)));
  return binding;
}

function findImportBinding(text: string, name: string): string | null {
  const fromImport = /^from[ \t]+([\w.]+)[ \t]+import[ \t]+(?:\(([^)]*)\)|([^\n#]*))/gm;
  for (let match = fromImport.exec(text); match; match = fromImport.exec(text)) {
    for (const item of (match[2] ?? match[3]).split(',').map((part) => part.trim()).filter(Boolean)) {
      const [imported, alias] = item.split(/\s+as\s+/);
      if ((alias ?? imported).trim() === name) return alias ? `from ${match[1]} import ${imported.trim()} as ${name}` : `from ${match[1]} import ${name}`;
    }
  }
  const plainImport = /^import[ \t]+([^\n#]*)/gm;
  for (let match = plainImport.exec(text); match; match = plainImport.exec(text)) {
    for (const item of match[1].split(',').map((part) => part.trim()).filter(Boolean)) {
      const [module, alias] = item.split(/\s+as\s+/);
      if (alias?.trim() === name) return `import ${module.trim()} as ${name}`;
      if (!alias && module.split('.')[0] === name) return `import ${module.trim()}`;
    }
  }
  return null;
}

/** The tracing decorator most used on the workspace's Python functions, with its import; null when none is. */
export function workspaceDecorator(facts: FileFacts, texts: ReadonlyMap<string, string>): WorkspaceDecorator | null {
  const counts = new Map<string, { decorator: WorkspaceDecorator; uses: number }>();
  for (const setup of facts.tracing) {
    if (setup.scope !== 'function' || !isPython(setup.loc.file) || !setup.signal.startsWith('@')) continue;
    const head = decoratorHead(setup.signal);
    const source = texts.get(setup.loc.file);
    if (!head || !source) continue;
    const known = counts.get(head.text);
    if (known) {
      known.uses++;
      continue;
    }
    const importLine = importBinding(source, head.root);
    if (importLine) counts.set(head.text, { decorator: { library: setup.library, ...head, importLine }, uses: 1 });
  }
  return [...counts.values()].sort((a, b) => b.uses - a.uses || a.decorator.text.localeCompare(b.decorator.text))[0]?.decorator ?? null;
}

function at(file: string, line: number, column: number): Location {
  return { file, line, column, endLine: line, endColumn: column };
}

function indentation(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/** The line (1-based) of `def name(` enclosing `callLine`: the nearest one above, indented less than the call. */
function defLine(lines: readonly string[], callLine: number, name: string): number | null {
  const callIndent = indentation(lines[callLine - 1] ?? '');
  const header = new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${name.replace(/[^\w]/g, '')}[ \\t]*\\(`);
  for (let index = callLine - 2; index >= 0; index--) {
    if (header.test(lines[index]) && indentation(lines[index]) < callIndent) return index + 1;
  }
  return null;
}

/** Where a new import goes: before the first top-level import, after any `from __future__` ones. */
function importLineNumber(lines: readonly string[]): number | null {
  let afterFuture: number | null = null;
  for (let index = 0; index < lines.length; index++) {
    if (/^from[ \t]+__future__[ \t]/.test(lines[index])) afterFuture = index + 2;
    else if (/^(import|from)[ \t]/.test(lines[index])) return afterFuture ?? index + 1;
  }
  return afterFuture;
}

/**
 * Puts the workspace's tracing decorator on the function around a call,
 * directly above `def` so it is the innermost decorator (a route or tool
 * decorator above it registers the traced function), and imports it when the
 * file does not bind it yet.
 */
export function decoratorFix(call: LlmCall, decorator: WorkspaceDecorator, text: string, reason: string): Fix | null {
  const key = `${decorator.library}\0${decorator.text}\0${decorator.importLine}\0${reason}`;
  let known = decoratorFixes.get(call);
  if (!known) decoratorFixes.set(call, (known = new Map()));
  let fix = known.get(key);
  if (fix === undefined) known.set(key, (fix = newDecoratorFix(call, decorator, text, reason)));
  return fix;
}

/**
 * Remembered per call: phase 2 runs after every edit, and a call of an unchanged file is the same
 * object, in the same text.
 */
const decoratorFixes = new WeakMap<LlmCall, Map<string, Fix | null>>();

function newDecoratorFix(call: LlmCall, decorator: WorkspaceDecorator, text: string, reason: string): Fix | null {
  if (!isPython(call.loc.file) || call.loc.cell !== undefined || !call.enclosingFunction) return null;
  const lines = linesOf(text);
  const name = call.enclosingFunction.split('.').pop()!;
  const line = defLine(lines, call.loc.line, name);
  if (line === null) return null;
  const indent = /^[ \t]*/.exec(lines[line - 1])![0];
  const edits = [{ loc: at(call.loc.file, line, 1), newText: `${indent}${decorator.text}\n` }];
  if (importBinding(text, decorator.root) === null) {
    const importAt = importLineNumber(lines);
    if (importAt === null || importAt > line) return null;
    edits.push({ loc: at(call.loc.file, importAt, 1), newText: `${decorator.importLine}\n` });
  }
  return { title: `Add \`${decorator.text}\` (${decorator.library}) to \`${call.enclosingFunction}\` ${reason}`, safety: 'unsafe', edits };
}

/** The AI SDK's telemetry option, when the workspace turns it on for other calls. */
export function usesAiSdkTelemetry(facts: FileFacts): boolean {
  return facts.tracing.some((setup) => setup.library === 'vercel-ai-telemetry');
}

/** Adds `experimental_telemetry: { isEnabled: true }` to an AI SDK call's options object written inline. */
export function telemetryOptionFix(call: LlmCall, text: string): Fix | null {
  if (call.provider !== 'vercel-ai' || call.loc.cell !== undefined) return null;
  const lines = linesOf(text);
  const rest = (lines[call.loc.endLine - 1] ?? '').slice(call.loc.endColumn - 1);
  const open = /^\(\s*\{/.exec(rest);
  // A call that turns telemetry off says so on purpose: the fix would write a second, overridden key.
  if (!open || argumentsOf(lines, call).text.includes('experimental_telemetry')) return null;
  const column = call.loc.endColumn + open[0].length;
  return {
    title: 'Turn on AI SDK telemetry for this call, as the workspace does for others',
    safety: 'unsafe',
    edits: [{ loc: at(call.loc.file, call.loc.endLine, column), newText: ' experimental_telemetry: { isEnabled: true },' }],
  };
}
