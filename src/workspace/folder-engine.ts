import { Minimatch } from 'minimatch';
import type { Config } from '../core/config';
import type { Coverage } from '../core/coverage';
import { Engine, type FileResult, type WorkspaceResult } from '../core/engine';
import type { FileFacts } from '../core/facts';
import type { Finding } from '../core/finding';
import { groupBy } from '../core/group';
import type { RepositoryInfo } from '../core/rule';
import { lockfileFor } from '../languages/manifests';
import { toAuditJson, type AuditJson } from '../report/json';
import { rules } from '../rules';
import { auxiliaryReader } from './auxiliary';
import { DEFAULT_EXCLUDED_FOLDERS, discoverFiles, type DiscoveryResult } from './discovery';
import { loadFrontEnds } from './frontends';
import { readRepository } from './git';
import { runPhaseOne } from './pool';

export interface FolderEngineOptions {
  /** The folder on the local disk; null for a virtual folder (its files come from `discover`, auxiliary files from the texts). */
  root: string | null;
  /** The folder's config, with the editor's excludes added. */
  config: Config;
  /** Whether git may run (tracked files, prompt history). */
  git: boolean;
  /** Whether a large first audit may parse in a child process of this program. */
  processes: boolean;
  warn: (message: string) => void;
  /** Phase 1 results by cache key, kept across engines of the same folder (a config change keeps what it can). */
  cache: Map<string, FileResult>;
}

/** What one analysis of the folder found. */
export interface FolderResult {
  result: WorkspaceResult;
  findingsByFile: Map<string, Finding[]>;
  durationMs: number;
  /** The JSON audit of `result`, built on first use. */
  audit(): AuditJson;
}

/** The facts of one file and the tracing coverage of its calls (what lenses and hovers show). */
export interface FileInsights {
  facts: FileFacts;
  /** Per LLM call of `facts`, in order. */
  coverage: (Coverage | null)[];
}

/** Below this much source, phase 1 runs in this thread in slices; above it, workers take it (as the CLI does). */
const PARALLEL_THRESHOLD_BYTES = 4 * 1024 * 1024;
/** Longest stretch phase 1 keeps this thread busy before yielding to other work. */
const SLICE_MS = 15;

const yieldToEvents = () => new Promise<void>((done) => setImmediate(done));

/**
 * The analysis state of one folder, with no editor in it: a whole-folder audit
 * (discovery, phase 1 cached by content hash, phase 2), then incremental updates:
 * an edited file re-runs phase 1 for that file and phase 2 on the cached results.
 * The extension runs it in its host, or in a process of its own (folder-process.ts).
 */
export class FolderEngine {
  private engine: Engine | undefined;
  // In path order, as discovery lists files: a file created later takes its place among them, so an
  // update gives what a fresh audit gives (facts are merged, and the inventory listed, in this order).
  private results = new Map<string, FileResult>();
  private texts = new Map<string, string>();
  private readonly excluded: Minimatch[];
  private allPaths = new Set<string>();
  private discoverySkipped: DiscoveryResult['skipped'] = [];
  private repository: RepositoryInfo | null = null;
  private current: FolderResult | undefined;

  constructor(private readonly options: FolderEngineOptions) {
    this.excluded = options.config.exclude.map((pattern) => new Minimatch(trimPattern(pattern), { dot: true }));
  }

  /** The latest analysis; undefined before the first audit. */
  get latest(): FolderResult | undefined {
    return this.current;
  }

  get config(): Config {
    return this.options.config;
  }

  private async newEngine(): Promise<Engine> {
    return new Engine({ frontEnds: await loadFrontEnds(), rules, knownRules: rules, config: this.options.config, cache: this.options.cache, lockfileFor });
  }

  /** Whether a path (relative to the folder) is one the engine reads. */
  async accepts(path: string): Promise<boolean> {
    this.engine ??= await this.newEngine();
    return this.engine.accepts(path);
  }

  /**
   * Audits the whole folder. `overlay` holds the text of open editors, newer than the disk;
   * `discover` lists a virtual folder (a local one is walked here).
   */
  async auditAll(
    overlay: ReadonlyMap<string, string>,
    onProgress: (done: number, total: number) => void,
    discover?: (accepts: (path: string) => boolean) => Promise<DiscoveryResult>,
  ): Promise<FolderResult> {
    const started = performance.now();
    // A new engine for each whole audit: what its phase 2 keeps between edits (merged facts,
    // answers per file) holds for the texts of one audit and the edits after it.
    const engine = (this.engine = await this.newEngine());
    const { config, root } = this.options;
    const accepts = (path: string) => engine.accepts(path);
    const discovered = discover
      ? await discover(accepts)
      : await discoverFiles(root!, { include: config.include.length ? config.include : undefined, exclude: config.exclude, maxFileBytes: config.maxFileBytes, accepts });
    const sources = discovered.files.map((file) => ({ path: file.path, text: overlay.get(file.path) ?? file.text }));
    const results = await this.phaseOne(engine, sources, onProgress);
    this.results.clear();
    this.texts.clear();
    sources.forEach((source, index) => {
      this.results.set(source.path, results[index]);
      this.texts.set(source.path, source.text);
    });
    this.allPaths = new Set(discovered.allPaths);
    this.discoverySkipped = discovered.skipped;
    this.repository = this.options.git && root
      ? await readRepository(root, { historyFor: results.filter((file) => file.facts.prompts.length > 0).map((file) => file.path) })
      : null;
    return this.phaseTwo(engine, started);
  }

  private async phaseOne(engine: Engine, sources: { path: string; text: string }[], onProgress: (done: number, total: number) => void): Promise<FileResult[]> {
    const bytes = sources.reduce((sum, source) => sum + source.text.length, 0);
    if (bytes >= PARALLEL_THRESHOLD_BYTES) return runPhaseOne(engine, sources, {
      config: this.options.config, rules, onProgress, childProcess: this.options.processes, warn: this.options.warn,
    });
    // Small folders: in this thread, in slices, so whatever else this thread serves keeps answering.
    const results: FileResult[] = [];
    let sliceStart = performance.now();
    for (const source of sources) {
      results.push(engine.analyzeFile(source));
      if (performance.now() - sliceStart > SLICE_MS) {
        onProgress(results.length, sources.length);
        await yieldToEvents();
        sliceStart = performance.now();
      }
    }
    onProgress(sources.length, sources.length);
    return results;
  }

  /**
   * A file changed (typed in an editor, saved, created) or went away (`text` null):
   * phase 1 for that file, phase 2 over the cached results of every other file.
   * Returns undefined before the first whole-folder audit, or when the engine does not read the file.
   * `provisional` is told the file's findings between the two phases (see Engine.provisionalFindings).
   */
  async update(path: string, text: string | null, provisional?: (path: string, findings: Finding[]) => void): Promise<FolderResult | undefined> {
    const started = performance.now();
    const engine = this.engine;
    if (!this.current || !engine) return undefined;
    if (text === null) {
      const known = this.results.delete(path) || this.allPaths.has(path);
      this.allPaths.delete(path);
      this.texts.delete(path);
      if (!known) return undefined;
    } else if (!this.results.has(path) && this.isExcluded(path)) {
      return undefined;
    } else if (!engine.accepts(path)) {
      // A file no front-end reads may still matter to phase 2 (a new lockfile).
      if (this.allPaths.has(path)) return undefined;
      this.allPaths.add(path);
    } else {
      const before = this.texts.get(path);
      if (before === text) return this.current;
      const result = engine.analyzeFile({ path, text }, { editing: true });
      const created = !this.results.has(path);
      this.results.set(path, result);
      this.texts.set(path, text);
      if (created) {
        this.results = inPathOrder(this.results);
        this.texts = inPathOrder(this.texts);
      }
      this.allPaths.add(path);
      provisional?.(path, engine.provisionalFindings(result, this.current.findingsByFile.get(path) ?? [], before === undefined ? undefined : { before, after: text }));
    }
    return this.phaseTwo(engine, started);
  }

  /** The facts of one analysed file and the coverage of its calls, in the latest analysis. */
  insights(path: string): FileInsights | undefined {
    return this.current && insightsIn(this.current.result, path);
  }

  /** A file the audit would not have read: in a dependency or build folder, or excluded by the config. */
  private isExcluded(path: string): boolean {
    if (path.split('/').slice(0, -1).some((segment) => DEFAULT_EXCLUDED_FOLDERS.has(segment))) return true;
    return this.excluded.some((glob) => glob.match(path) || path.startsWith(`${glob.pattern}/`));
  }

  private readAuxiliary(path: string): string | null {
    return this.options.root ? auxiliaryReader(this.options.root)(path) : this.texts.get(path) ?? null;
  }

  private phaseTwo(engine: Engine, started: number): FolderResult {
    const result = engine.analyzeWorkspace([...this.results.values()], this.allPaths, {
      discoverySkipped: this.discoverySkipped, texts: this.texts, readText: (path) => this.readAuxiliary(path), repository: this.repository,
    });
    const durationMs = performance.now() - started;
    let audit: AuditJson | undefined;
    this.current = {
      result,
      findingsByFile: groupBy(result.findings, (finding) => finding.loc.file),
      durationMs,
      audit: () => (audit ??= toAuditJson(result, durationMs)),
    };
    return this.current;
  }
}

/** The facts of one analysed file of a result and the coverage of its calls. */
export function insightsIn(result: WorkspaceResult, path: string): FileInsights | undefined {
  const file = result.files.find((candidate) => candidate.path === path);
  if (!file || file.skipped) return undefined;
  return { facts: file.facts, coverage: file.facts.llmCalls.map((call) => result.coverage.get(call) ?? null) };
}

function inPathOrder<T>(map: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function trimPattern(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}
