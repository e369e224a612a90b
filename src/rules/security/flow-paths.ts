import type { FlowStep, Location } from '../../core/facts';

/** Whether `inner` lies within `outer` (same file and cell). */
export function within(inner: Location, outer: Location): boolean {
  if (inner.file !== outer.file || inner.cell !== outer.cell) return false;
  const starts = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const ends = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return starts && ends;
}

function before(a: Location, b: Location): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/**
 * The flow that makes `name` hold the source at `at`: the latest binding of
 * the name before `at`, then the bindings it came from, back to the source.
 * Null when the name does not hold it there (never bound, or cleared).
 */
export function pathTo(steps: readonly FlowStep[], name: string, at: Location): FlowStep[] | null {
  const path: FlowStep[] = [];
  let wanted: string | null = name;
  let limit = at;
  // Each step is bound from an earlier one (`text = text.strip()` from the `text` before it), back to the source.
  while (wanted !== null && path.length < steps.length) {
    const current: string = wanted;
    const bound = limit;
    const step = [...steps].reverse().find((candidate) => candidate.name === current && before(candidate.loc, bound));
    if (!step || step.cleared) return path.length === 0 ? null : path;
    path.unshift(step);
    wanted = step.from;
    limit = step.loc;
  }
  return path.length === 0 ? null : path;
}

/** Root names an expression reads: identifiers not preceded by `.` (`reply.choices[0]` → `reply`). */
export function rootNames(expression: string): string[] {
  const names = new Set<string>();
  const stripped = expression.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
  for (const match of stripped.matchAll(/(?<![.\w$])[A-Za-z_$][\w$]*/g)) names.add(match[0]);
  return [...names];
}
