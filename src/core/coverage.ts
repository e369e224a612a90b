import type { Dependency, FileFacts, LlmCall, Location, TracingSetup } from './facts';
import { callShapes } from '../catalog/sdk-calls';
import { impliedCoverage, nativeTracing, vendorSdkFrameworks } from '../catalog/tracing';

export interface Coverage {
  traced: boolean;
  /** Library that covers the call, null when none does. */
  tracedBy: string | null;
  /** How: client, function, block, gateway (seen at the call) or global, env, native (workspace-wide). */
  scope: string | null;
  /** The signal as written (`@traceable`, `mlflow.openai.autolog()`), null for SDK-native tracing and untraced calls. */
  signal: string | null;
}

const MANIFEST = /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile|package\.json)$/;

function directoryOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

function isWithin(directory: string, root: string): boolean {
  return root === '' || directory === root || directory.startsWith(`${root}/`);
}

/**
 * Projects of a workspace: the folders holding a dependency manifest. A
 * collection of apps (one repository, many `requirements.txt`) is many
 * projects, and an autolog in one app does not trace the calls of another.
 */
export class Projects {
  readonly roots: readonly string[];
  /** Project of each folder asked about: every call and set-up asks, and most share a folder. */
  private readonly folders = new Map<string, string>();

  /**
   * The projects of the facts' dependencies, made once per list of dependencies: the engine keeps
   * the merged list while no edit changes a dependency, and several rules ask in each phase 2.
   */
  static of(facts: FileFacts): Projects {
    let projects = projectsOf.get(facts.dependencies);
    if (!projects) projectsOf.set(facts.dependencies, (projects = new Projects(facts.dependencies)));
    return projects;
  }

  private constructor(dependencies: readonly Dependency[]) {
    const roots = new Set(dependencies.filter((dep) => MANIFEST.test(dep.loc.file)).map((dep) => directoryOf(dep.loc.file)));
    // Deepest first, so the nearest manifest wins.
    this.roots = [...roots].sort((a, b) => b.length - a.length);
  }

  /** The project folder a file belongs to: its nearest ancestor with a manifest, '' (the workspace) when none. */
  of(file: string): string {
    const directory = directoryOf(file);
    let project = this.folders.get(directory);
    if (project === undefined) {
      project = this.roots.find((root) => isWithin(directory, root)) ?? '';
      this.folders.set(directory, project);
    }
    return project;
  }

  /** A set-up reaches the files of its own project and of projects nested under it. */
  reachesProject(setup: Location, project: string): boolean {
    return isWithin(project, this.of(setup.file));
  }
}

const projectsOf = new WeakMap<readonly Dependency[], Projects>();

const shapeVendor = new Map(callShapes.filter((shape) => shape.modelProvider).map((shape) => [`${shape.provider}\0${shape.api}`, shape.modelProvider!]));

function locationKey(loc: Location): string {
  return `${loc.file}:${loc.cell ?? ''}:${loc.line}:${loc.column}`;
}

/** The model vendor behind a framework call (ChatOpenAI → openai), when the shape, the model reference or the id says it. */
function vendorOf(call: LlmCall, modelProviders: ReadonlyMap<string, string>): string | null {
  const fromShape = shapeVendor.get(`${call.provider}\0${call.api}`);
  if (fromShape && fromShape !== 'other') return fromShape;
  if (!call.model) return null;
  const fromRef = modelProviders.get(locationKey(call.model.loc));
  if (fromRef) return fromRef;
  return /^(openai|anthropic|google|gemini|mistral|cohere|groq|ollama|bedrock)[/:]/.exec(call.model.value ?? '')?.[1]?.replace('gemini', 'google') ?? null;
}

/** Catalog ids a set-up's instrumentation reaches: what it names, plus frameworks running on those. */
function reach(setup: TracingSetup): Set<string> {
  const ids = new Set(setup.covers);
  for (const id of setup.covers) for (const implied of impliedCoverage[id] ?? []) ids.add(implied);
  return ids;
}

/**
 * Decides, for every LLM call, whether some tracing covers it: what the
 * front-end saw at the call site first (wrapped client, decorator, span,
 * gateway), then project-wide signals (autolog, instrumentors, env switches)
 * of the call's project — for the call's SDK, or for the vendor SDK a framework
 * runs on — then tracing the SDK does by itself unless an opt-out is present.
 */
export function computeCoverage(facts: FileFacts): Map<LlmCall, Coverage> {
  // The engine and two tracing rules ask for the same merged facts in one phase 2.
  const known = computed.get(facts);
  if (known) return known;
  const coverage = coverageOf(facts);
  computed.set(facts, coverage);
  return coverage;
}

const computed = new WeakMap<FileFacts, Map<LlmCall, Coverage>>();

/**
 * The last computation, and what it rested on besides each call: after an edit that changed no
 * tracing set-up and no project, a call of an unchanged file (the same object) keeps its coverage.
 */
let last: { tracing: readonly TracingSetup[]; dependencies: readonly Dependency[]; workspace: string; coverage: Map<LlmCall, Coverage> } | undefined;

function coverageOf(facts: FileFacts): Map<LlmCall, Coverage> {
  const projects = Projects.of(facts);
  // The same lists (the engine keeps a kind's merged list while no file's list of it changed): the same set-ups and projects.
  const workspace = last && last.tracing === facts.tracing && last.dependencies === facts.dependencies
    ? last.workspace
    : JSON.stringify([facts.tracing, projects.roots]);
  const previous = last?.workspace === workspace ? last.coverage : undefined;
  const global = facts.tracing.filter((setup) => setup.scope === 'global' || setup.scope === 'env').map((setup) => ({ setup, reach: reach(setup) }));
  const disabled = facts.tracing.filter((setup) => setup.scope === 'disabled');
  let modelProviders: Map<string, string> | undefined;
  const coverage = new Map<LlmCall, Coverage>();
  last = { tracing: facts.tracing, dependencies: facts.dependencies, workspace, coverage };
  for (const call of facts.llmCalls) {
    const known = previous?.get(call);
    if (known) {
      coverage.set(call, known);
      continue;
    }
    if (call.tracedBy) {
      coverage.set(call, { traced: true, tracedBy: call.tracedBy.library, scope: call.tracedBy.scope, signal: call.tracedBy.signal });
      continue;
    }
    modelProviders ??= new Map(facts.models.filter((ref) => ref.provider).map((ref) => [locationKey(ref.loc), ref.provider!]));
    const vendor = vendorSdkFrameworks.includes(call.provider) ? vendorOf(call, modelProviders) : null;
    const project = projects.of(call.loc.file);
    const found = global.find(({ setup, reach: ids }) => (ids.has('*') || ids.has(call.provider) || (vendor !== null && ids.has(vendor))) && projects.reachesProject(setup.loc, project));
    if (found) {
      coverage.set(call, { traced: true, tracedBy: found.setup.library, scope: found.setup.scope, signal: found.setup.signal });
      continue;
    }
    const native = nativeTracing[call.provider];
    const optedOut = disabled.some((setup) => setup.covers.includes(call.provider) && projects.reachesProject(setup.loc, project));
    if (native && !optedOut) {
      coverage.set(call, { traced: true, tracedBy: native, scope: 'native', signal: null });
      continue;
    }
    coverage.set(call, { traced: false, tracedBy: null, scope: null, signal: null });
  }
  return coverage;
}
