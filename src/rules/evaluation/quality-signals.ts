import type { LlmCall } from '../../core/facts';
import { Projects } from '../../core/coverage';
import { groupBy } from '../../core/group';
import type { Report, WorkspaceContext } from '../../core/rule';
import { isNotAppFile, type QualitySignal } from '../../catalog/evaluation';

/** Where a signal was found: the file, and the catalog name. */
export interface SignalHit {
  file: string;
  name: string;
}

/**
 * Which signal a path or a file's text holds, remembered per path and per text: phase 2 runs
 * again after every edit in the editor, and only the edited file is new then.
 */
const remembered = new WeakMap<readonly QualitySignal[], Record<'path' | 'text', Map<string, string | null>>>();
const MAX_REMEMBERED = 50_000;

function signalIn(kind: 'path' | 'text', subject: string, signals: readonly QualitySignal[]): string | null {
  let answers = remembered.get(signals);
  if (!answers) remembered.set(signals, (answers = { path: new Map(), text: new Map() }));
  const known = answers[kind].get(subject);
  if (known !== undefined) return known;
  if (answers[kind].size >= MAX_REMEMBERED) answers[kind].clear();
  const name = signals.find((signal) => signal[kind]?.test(subject))?.name ?? null;
  answers[kind].set(subject, name);
  return name;
}

/** Signals of the catalog found in the workspace: by path (any path) or by the text of an analysed file. */
export function findSignals(context: WorkspaceContext, signals: readonly QualitySignal[]): SignalHit[] {
  const hits: SignalHit[] = [];
  for (const path of context.allPaths) {
    const name = signalIn('path', path, signals);
    if (name) hits.push({ file: path, name });
  }
  for (const [file, text] of context.texts) {
    const name = signalIn('text', text, signals);
    if (name) hits.push({ file, name });
  }
  return hits;
}

function isWithin(folder: string, root: string): boolean {
  return root === '' || folder === root || folder.startsWith(`${root}/`);
}

/** The LLM entry point most calls sit in: the function (or file top level) holding the most call sites; its first call. */
function mostCalledEntry(calls: readonly LlmCall[]): { call: LlmCall; count: number } {
  const groups = groupBy(calls, (call) => `${call.loc.file}\0${call.enclosingFunction ?? ''}`);
  const [best] = [...groups.values()].sort((a, b) => b.length - a.length || a[0].loc.file.localeCompare(b[0].loc.file) || a[0].loc.line - b[0].loc.line);
  return { call: best[0], count: best.length };
}

/**
 * One report per project (folder with a dependency manifest, as for tracing)
 * that makes LLM calls while no signal sits in it, in a project around it, or
 * in one nested in it: a collection of example apps is judged app by app.
 */
export function projectsWithoutSignal(
  context: WorkspaceContext,
  hits: readonly SignalHit[],
  report: (project: string, entry: LlmCall, calls: number) => Report,
): Report[] {
  // Calls in tests, evaluations, benchmarks and docs are not the app's: they have no users and are the evaluation.
  const calls = context.facts.llmCalls.filter((call) => !isNotAppFile(call.loc.file));
  if (calls.length === 0) return [];
  const projects = new Projects(context.facts);
  const byProject = groupBy(calls, (call) => projects.of(call.loc.file));
  const signalProjects = hits.map((hit) => projects.of(hit.file));
  const reports: Report[] = [];
  for (const [project, projectCalls] of [...byProject].sort(([a], [b]) => a.localeCompare(b))) {
    if (signalProjects.some((other) => isWithin(project, other) || isWithin(other, project))) continue;
    reports.push(report(project, mostCalledEntry(projectCalls).call, projectCalls.length));
  }
  return reports;
}
