import type { LlmCall } from '../../core/facts';

/**
 * Whether a later LLM step consumes an earlier step's output, read from the
 * text of one function (Python or formatted JS/TS): the result bound by
 * `x = …step(…)` / `const x = await …step(…)`, names assigned from it
 * afterwards (`report = x.final_output`, `prompt += f"…{report}…"`), and a
 * later step whose arguments mention one of them. Independent requests in one
 * function (two demo queries) are not a pipeline; retrieve-then-answer is.
 */

const MAX_ARGUMENT_LINES = 80;

function escape(name: string): string {
  return name.replace(/[.$]/g, (char) => `\\${char}`);
}

function mentions(text: string, names: ReadonlySet<string>): boolean {
  for (const name of names) if (new RegExp(`(?<![\\w$.])${escape(name)}(?![\\w$])`).test(text)) return true;
  return false;
}

/** `result = await Runner.run(` / `const { text } = await generateText(` → the bound names. */
function boundNames(prefix: string): string[] {
  const match = /(?:^|[\s;(])(?:const|let|var)?\s*(\{[^}]*\}|[A-Za-z_$][\w$.]*)\s*(?::\s*[^=]+)?=\s*(?:await\s+)?(?:[\w$.]+\(\s*)*$/.exec(prefix);
  if (!match) return [];
  const target = match[1];
  if (!target.startsWith('{')) return [target];
  return target.slice(1, -1).split(',').map((part) => part.split(':').pop()!.trim()).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

/** The text of a call's arguments, from the callee's end to the matching `)`, and the line where they end. */
export function argumentsOf(lines: readonly string[], call: LlmCall): { text: string; endLine: number } {
  let depth = 0;
  let text = '';
  const last = Math.min(lines.length, call.loc.endLine - 1 + MAX_ARGUMENT_LINES);
  for (let index = call.loc.endLine - 1; index < last; index++) {
    const line = index === call.loc.endLine - 1 ? lines[index].slice(call.loc.endColumn - 1) : lines[index];
    for (const char of line) {
      text += char;
      if (char === '(') depth++;
      else if (char === ')' && --depth <= 0) return { text, endLine: index + 1 };
    }
    text += '\n';
  }
  return { text, endLine: last };
}

const ASSIGNMENT = /^\s*(?:const|let|var)?\s*([A-Za-z_$][\w$.]*)\s*(?::\s*[^=]+)?(?:\+=|=(?!=))(.*)$/;

export function consumesEarlierStep(steps: readonly LlmCall[], lines: readonly string[]): boolean {
  const ordered = [...steps].sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column);
  const derived = new Set<string>();
  // The name being assigned by a statement that may continue over several lines (`x = f"""…{report}…"""`).
  let assigning: string | null = null;
  let next = 0;
  for (let line = ordered[0].loc.line; line <= ordered[ordered.length - 1].loc.line; line++) {
    const text = lines[line - 1] ?? '';
    let argumentsEnd = 0;
    while (next < ordered.length && ordered[next].loc.line === line) {
      const step = ordered[next++];
      const args = argumentsOf(lines, step);
      if (derived.size > 0 && mentions(args.text, derived)) return true;
      for (const name of boundNames(text.slice(0, step.loc.column - 1))) derived.add(name);
      argumentsEnd = Math.max(argumentsEnd, args.endLine);
      assigning = null;
    }
    if (argumentsEnd > 0) {
      // A step's own argument lines are not assignments (`input=question` is a keyword argument).
      line = Math.max(line, Math.min(argumentsEnd, (ordered[next]?.loc.line ?? Infinity) - 1));
      continue;
    }
    if (derived.size === 0) continue;
    const assignment = ASSIGNMENT.exec(text);
    if (assignment) assigning = assignment[1];
    if (assigning && mentions(assignment ? assignment[2] : text, derived)) derived.add(assigning);
  }
  return false;
}
