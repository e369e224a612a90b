import * as vscode from 'vscode';
import { ConfigError, CONFIG_FILE_NAME, defaultConfig, parseConfig, type Config } from '../core/config';
import { Engine, type FileResult, type WorkspaceResult } from '../core/engine';
import type { Finding } from '../core/finding';
import { groupBy } from '../core/group';
import { lockfileFor } from '../languages/manifests';
import { toAuditJson, type AuditJson } from '../report/json';
import { rules } from '../rules';
import { discoverFiles, type DiscoveryResult } from '../workspace/discovery';
import { loadFrontEnds } from '../workspace/frontends';
import { auxiliaryReader } from '../workspace/auxiliary';
import { readRepository } from '../workspace/git';
import { runPhaseOne } from '../workspace/pool';
import type { RepositoryInfo } from '../core/rule';
import { Minimatch } from 'minimatch';
import { discoverVirtualFiles, EXCLUDED_FOLDERS } from './virtual-discovery';

/** What the extension side passes in, resolved from settings and workspace trust. */
export interface FolderOptions {
  /** `genaiDebt.configFile`: relative to the folder; empty for `.genai-debt.json`. */
  configFile: string;
  /** `genaiDebt.exclude`, added to the config file's `exclude`. */
  exclude: string[];
  /** Whether git may run: trusted workspace, a local folder and `genaiDebt.git`. */
  git: boolean;
  /** Whether a process of our own may be started (a trusted workspace): large audits then parse in one. */
  processes: boolean;
  log: vscode.LogOutputChannel;
}

/** One analysis state of a folder: the phase 2 result, and the JSON audit built from it on demand. */
export interface FolderSnapshot {
  result: WorkspaceResult;
  findingsByFile: ReadonlyMap<string, Finding[]>;
  audit(): AuditJson;
  finishedAt: Date;
  durationMs: number;
  configError: string | null;
}

/** Below this much source, phase 1 runs in this thread in slices; above it, worker threads take it (as the CLI does). */
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;
/** Longest stretch phase 1 keeps the extension host busy before yielding to other work. */
const SLICE_MS = 15;

const yieldToHost = () => new Promise<void>((done) => setImmediate(done));

/**
 * The analysis of one workspace folder: a whole-folder audit (discovery,
 * phase 1 cached by content hash, phase 2), then incremental updates: an edited
 * file re-runs phase 1 for that file and phase 2 on the cached results.
 */
export class FolderAnalysis {
  private engine: Engine | undefined;
  private config: Config = defaultConfig();
  private configError: string | null = null;
  private readonly cache = new Map<string, FileResult>();
  private readonly results = new Map<string, FileResult>();
  private readonly texts = new Map<string, string>();
  private allPaths = new Set<string>();
  private discoverySkipped: DiscoveryResult['skipped'] = [];
  private repository: RepositoryInfo | null = null;
  private current: FolderSnapshot | undefined;

  constructor(readonly folder: vscode.WorkspaceFolder, private options: FolderOptions) {}

  get snapshot(): FolderSnapshot | undefined {
    return this.current;
  }

  setOptions(options: FolderOptions): void {
    this.options = options;
    this.engine = undefined;
  }

  /** Whether a path (relative to the folder) is one the engine reads. */
  async accepts(path: string): Promise<boolean> {
    return (await this.ensureEngine()).accepts(path);
  }

  private get configPath(): string {
    return this.options.configFile || CONFIG_FILE_NAME;
  }

  isConfigFile(path: string): boolean {
    return path === this.configPath.replace(/^\.\//, '');
  }

  private async loadConfig(): Promise<Config> {
    this.configError = null;
    const uri = vscode.Uri.joinPath(this.folder.uri, this.configPath);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      if (this.options.configFile) this.configError = `config file not found: ${this.options.configFile}`;
      return defaultConfig();
    }
    try {
      return parseConfig(text, rules, this.configPath);
    } catch (error) {
      // A broken config must not stop the analysis: report it and run with the defaults.
      this.configError = error instanceof ConfigError ? error.message : String(error);
      return defaultConfig();
    }
  }

  private async ensureEngine(): Promise<Engine> {
    if (this.engine) return this.engine;
    this.config = await this.loadConfig();
    this.config.exclude = [...this.config.exclude, ...this.options.exclude];
    if (this.configError) this.options.log.warn(`${this.folder.name}: ${this.configError}`);
    this.engine = new Engine({ frontEnds: await loadFrontEnds(), rules, knownRules: rules, config: this.config, cache: this.cache, lockfileFor });
    return this.engine;
  }

  /** Re-reads the config file (it changed) before the next audit. */
  invalidateConfig(): void {
    this.engine = undefined;
  }

  private readAuxiliary(path: string): string | null {
    if (this.folder.uri.scheme !== 'file') return this.texts.get(path) ?? null;
    return auxiliaryReader(this.folder.uri.fsPath)(path);
  }

  /** Audits the whole folder. `overlay` holds the text of open editors, newer than the disk. */
  async auditAll(overlay: ReadonlyMap<string, string>, onProgress: (done: number, total: number) => void): Promise<FolderSnapshot> {
    const started = performance.now();
    const engine = await this.ensureEngine();
    const discoveryOptions = { include: this.config.include, exclude: this.config.exclude, maxFileBytes: this.config.maxFileBytes, accepts: (path: string) => engine.accepts(path) };
    const discovered = this.folder.uri.scheme === 'file'
      ? await discoverFiles(this.folder.uri.fsPath, { ...discoveryOptions, include: discoveryOptions.include.length ? discoveryOptions.include : undefined })
      : await discoverVirtualFiles(this.folder.uri, discoveryOptions);
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
    this.repository = this.options.git && this.folder.uri.scheme === 'file'
      ? await readRepository(this.folder.uri.fsPath, { historyFor: results.filter((file) => file.facts.prompts.length > 0).map((file) => file.path) })
      : null;
    return this.phaseTwo(engine, started);
  }

  private async phaseOne(engine: Engine, sources: { path: string; text: string }[], onProgress: (done: number, total: number) => void): Promise<FileResult[]> {
    const bytes = sources.reduce((sum, source) => sum + source.text.length, 0);
    if (bytes >= WORKER_THRESHOLD_BYTES) return runPhaseOne(engine, sources, {
      config: this.config, rules, onProgress, childProcess: this.options.processes, warn: (message) => this.options.log.warn(message),
    });
    // Small workspaces: in this thread, in slices, so the extension host keeps answering.
    const results: FileResult[] = [];
    let sliceStart = performance.now();
    for (const source of sources) {
      results.push(engine.analyzeFile(source));
      if (performance.now() - sliceStart > SLICE_MS) {
        onProgress(results.length, sources.length);
        await yieldToHost();
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
   */
  async update(path: string, text: string | null): Promise<FolderSnapshot | undefined> {
    const started = performance.now();
    const engine = await this.ensureEngine();
    if (!this.current) return undefined;
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
      if (this.texts.get(path) === text) return this.current;
      this.results.set(path, engine.analyzeFile({ path, text }));
      this.texts.set(path, text);
      this.allPaths.add(path);
    }
    return this.phaseTwo(engine, started);
  }

  /** A file the audit would not have read: in a dependency or build folder, or excluded by the config. */
  private isExcluded(path: string): boolean {
    if (path.split('/').slice(0, -1).some((segment) => EXCLUDED_FOLDERS.has(segment))) return true;
    return this.config.exclude.some((pattern) => new Minimatch(pattern.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true }).match(path) || path.startsWith(`${pattern.replace(/^\.\//, '').replace(/\/+$/, '')}/`));
  }

  private phaseTwo(engine: Engine, started: number): FolderSnapshot {
    const files = [...this.results.values()];
    const result = engine.analyzeWorkspace(files, this.allPaths, {
      discoverySkipped: this.discoverySkipped, texts: this.texts, readText: (path) => this.readAuxiliary(path), repository: this.repository,
    });
    const findingsByFile = groupBy(result.findings, (finding) => finding.loc.file);
    const durationMs = performance.now() - started;
    let audit: AuditJson | undefined;
    this.current = {
      result,
      findingsByFile,
      audit: () => (audit ??= toAuditJson(result, durationMs)),
      finishedAt: new Date(),
      durationMs,
      configError: this.configError,
    };
    return this.current;
  }
}

const looseCache = new Map<string, FileResult>();
let looseEngine: Engine | undefined;

/**
 * A file outside every workspace folder (the walkthrough's sample, an untitled
 * editor): both phases on that file alone, with the default config.
 */
export async function analyzeLooseFile(path: string, text: string): Promise<FolderSnapshot> {
  const started = performance.now();
  looseEngine ??= new Engine({ frontEnds: await loadFrontEnds(), rules, knownRules: rules, cache: looseCache, lockfileFor });
  const file = looseEngine.analyzeFile({ path, text });
  const result = looseEngine.analyzeWorkspace([file], new Set([path]), { texts: new Map([[path, text]]) });
  const durationMs = performance.now() - started;
  let audit: AuditJson | undefined;
  return {
    result,
    findingsByFile: new Map([[path, result.findings.filter((finding) => finding.loc.file === path)]]),
    audit: () => (audit ??= toAuditJson(result, durationMs)),
    finishedAt: new Date(),
    durationMs,
    configError: null,
  };
}
