import type { FileFacts, LlmCall } from '../../core/facts';
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
 * Signals of the catalog found in the workspace: by path (any path) or by the text of an analysed
 * file. `question` names the list (see WorkspaceContext.pathsWhere).
 */
export function findSignals(context: WorkspaceContext, question: string, signals: readonly QualitySignal[]): SignalHit[] {
  const byPath = context.pathsWhere(question, (path) => signals.find((signal) => signal.path?.test(path))?.name ?? null);
  const byText = context.textsWhere(question, (_path, text) => signals.find((signal) => signal.text?.test(text))?.name ?? null);
  return [...byPath, ...byText].map(([file, name]) => ({ file, name }));
}

function isWithin(folder: string, root: string): boolean {
  return root === '' || folder === root || folder.startsWith(`${root}/`);
}

/** The LLM entry point most calls sit in: the function (or file top level) holding the most call sites; its first call. */
function mostCalledEntry(calls: readonly LlmCall[]): LlmCall {
  const groups = groupBy(calls, (call) => `${call.loc.file}\0${call.enclosingFunction ?? ''}`);
  const [best] = [...groups.values()].sort((a, b) => b.length - a.length || a[0].loc.file.localeCompare(b[0].loc.file) || a[0].loc.line - b[0].loc.line);
  return best[0];
}

interface AppProject {
  project: string;
  entry: LlmCall;
  calls: number;
}

/** The projects making LLM calls of their own, in one phase 2's facts: both rules ask, once each. */
const appProjectsOf = new WeakMap<FileFacts, { projects: Projects; apps: AppProject[] }>();

function appProjects(facts: FileFacts): { projects: Projects; apps: AppProject[] } {
  let known = appProjectsOf.get(facts);
  if (!known) {
    // Calls in tests, evaluations, benchmarks and docs are not the app's: they have no users and are the evaluation.
    const calls = facts.llmCalls.filter((call) => !isNotAppFile(call.loc.file));
    const projects = Projects.of(facts);
    const byProject = [...groupBy(calls, (call) => projects.of(call.loc.file))].sort(([a], [b]) => a.localeCompare(b));
    known = { projects, apps: byProject.map(([project, projectCalls]) => ({ project, entry: mostCalledEntry(projectCalls), calls: projectCalls.length })) };
    appProjectsOf.set(facts, known);
  }
  return known;
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
  const { projects, apps } = appProjects(context.facts);
  const signalProjects = hits.map((hit) => projects.of(hit.file));
  return apps
    .filter(({ project }) => !signalProjects.some((other) => isWithin(project, other) || isWithin(other, project)))
    .map(({ project, entry, calls }) => report(project, entry, calls));
}
