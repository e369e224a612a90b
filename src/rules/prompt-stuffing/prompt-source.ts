import type { Location, Prompt } from '../../core/facts';

/**
 * Helpers the prompt-stuffing rules share: how a message names a prompt, and
 * where a line of a prompt's text sits in the source (the text is decoded —
 * escapes resolved, parts joined — so a line is found by a plain run of its words).
 */

/** `SYSTEM_PROMPT`, or a description when the prompt has no name. */
export function promptSubject(prompt: Prompt): string {
  if (prompt.name) return `\`${prompt.name}\``;
  if (prompt.source === 'file') return 'this prompt file';
  const role = prompt.role === 'unknown' || prompt.role === 'template' ? '' : `${prompt.role} `;
  return `this ${role}prompt`;
}

/** The longest run of plain characters in a line: it reads the same in the decoded text and in the source. */
function plainRun(line: string): string {
  const runs = line.match(/[A-Za-z0-9][A-Za-z0-9 ,.;:()-]*/g) ?? [];
  return runs.reduce((best, run) => (run.trim().length > best.length ? run.trim() : best), '');
}

/**
 * The source line, within the prompt's range and after source line `after`
 * (for the second copy of a repeated line), that holds `line` of its text;
 * the prompt's own location when it cannot be told (too short, or written by code).
 */
export function locateLine(fileText: string, prompt: Prompt, line: string, after = 0): Location {
  // The whole line when it reads the same in the source (`## Billing`), else its longest plain run.
  const verbatim = line.trim();
  const needles = [verbatim.length >= 4 && !/["'`\\]/.test(verbatim) ? verbatim : '', plainRun(line).length >= 12 ? plainRun(line) : ''].filter(Boolean);
  if (needles.length === 0) return prompt.loc;
  const sourceLines = fileText.split('\n');
  for (let index = Math.max(prompt.loc.line - 1, after); index < Math.min(prompt.loc.endLine, sourceLines.length); index++) {
    if (!needles.some((needle) => sourceLines[index].includes(needle))) continue;
    const text = sourceLines[index].replace(/\r$/, '');
    const start = text.length - text.trimStart().length;
    return { file: prompt.loc.file, line: index + 1, column: start + 1, endLine: index + 1, endColumn: text.trimEnd().length + 1, ...(prompt.loc.cell === undefined ? {} : { cell: prompt.loc.cell }) };
  }
  return prompt.loc;
}

/** Prompts once each: a constant used by several calls can be reported more than once by a front-end. */
export function distinctPrompts(prompts: readonly Prompt[]): Prompt[] {
  const seen = new Set<string>();
  return prompts.filter((prompt) => {
    const key = `${prompt.loc.file}:${prompt.loc.cell ?? ''}:${prompt.loc.line}:${prompt.loc.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
