import * as vscode from 'vscode';
import { ModelCatalog } from '../catalog/models';
import { ConfigError, CONFIG_FILE_NAME, defaultConfig, parseConfig, type Config } from '../core/config';
import { Engine, type FileResult } from '../core/engine';
import type { Finding } from '../core/finding';
import { lockfileFor } from '../languages/manifests';
import { toAuditJson, type AuditJson } from '../report/json';
import { rules } from '../rules';
import { FolderEngine, insightsIn, type FileInsights, type FolderResult } from '../workspace/folder-engine';
import { FolderProcess, type RemoteResult } from '../workspace/folder-process';
import { loadFrontEnds } from '../workspace/frontends';
import { discoverVirtualFiles } from './virtual-discovery';

/** What the extension side passes in, resolved from settings and workspace trust. */
export interface FolderOptions {
  /** `genaiDebt.configFile`: relative to the folder; empty for `.genai-debt.json`. */
  configFile: string;
  /** `genaiDebt.exclude`, added to the config file's `exclude`. */
  exclude: string[];
  /** Whether git may run: trusted workspace, a local folder and `genaiDebt.git`. */
  git: boolean;
  /** Whether a process of our own may be started (a trusted workspace): a local folder's analysis then runs in one. */
  processes: boolean;
  log: vscode.LogOutputChannel;
}

/** One analysis state of a folder (or a loose file), as the editor shows it. */
export interface FolderSnapshot {
  findings: readonly Finding[];
  findingsByFile: ReadonlyMap<string, Finding[]>;
  /** Files analysed. */
  fileCount: number;
  /** The facts of one file and the coverage of its calls (lenses, hovers). */
  insights(path: string): Promise<FileInsights | undefined>;
  /** The JSON audit (the report, exports, the sidebar). */
  audit(): Promise<AuditJson>;
  catalog: ModelCatalog;
  finishedAt: Date;
  durationMs: number;
  configError: string | null;
}

function snapshotOf(found: FolderResult, insights: (path: string) => FileInsights | undefined, configError: string | null): FolderSnapshot {
  return {
    findings: found.result.findings,
    findingsByFile: found.findingsByFile,
    fileCount: found.result.files.length,
    insights: async (path) => insights(path),
    audit: async () => found.audit(),
    catalog: found.result.catalog,
    finishedAt: new Date(),
    durationMs: found.durationMs,
    configError,
  };
}

/** Where a folder's analysis runs: in this process, or in a process of its own. */
type Backend =
  | { kind: 'here'; engine: FolderEngine; config: Config }
  | { kind: 'process'; process: FolderProcess; config: Config; catalog: ModelCatalog };

/**
 * The analysis of one workspace folder for the editor: reads the folder's config
 * through `workspace.fs`, lists virtual folders, and keeps the folder's analysis
 * state — in a process of its own for a trusted local folder (`FolderProcess`, so
 * the extension host holds only findings), else here (`FolderEngine`).
 */
export class FolderAnalysis implements vscode.Disposable {
  private backend: Backend | undefined;
  private configError: string | null = null;
  private current: FolderSnapshot | undefined;
  private currentResult: unknown;
  /** Phase 1 results kept across config changes, when the analysis runs here. */
  private readonly cache = new Map<string, FileResult>();
  /** Set when the analysis process failed: the folder is analysed here from then on. */
  private processFailed = false;

  constructor(readonly folder: vscode.WorkspaceFolder, private options: FolderOptions) {}

  get snapshot(): FolderSnapshot | undefined {
    return this.current;
  }

  /** New options; the analysis starts over (at the next audit) only when one the engine reads changed. */
  setOptions(options: FolderOptions): void {
    const engineOptions = ({ configFile, exclude, git, processes }: FolderOptions) => JSON.stringify([configFile, exclude, git, processes]);
    if (engineOptions(options) !== engineOptions(this.options)) this.reset();
    this.options = options;
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

  private async ensureBackend(): Promise<Backend> {
    if (this.backend) return this.backend;
    const config = await this.loadConfig();
    config.exclude = [...config.exclude, ...this.options.exclude];
    if (this.configError) this.options.log.warn(`${this.folder.name}: ${this.configError}`);
    const local = this.folder.uri.scheme === 'file';
    const settings = { root: local ? this.folder.uri.fsPath : null, config, git: this.options.git && local };
    const warn = (message: string) => this.options.log.warn(message);
    this.backend = this.options.processes && local && !this.processFailed
      ? { kind: 'process', process: new FolderProcess({ ...settings, processes: false }, warn), config, catalog: new ModelCatalog(config.catalog) }
      : { kind: 'here', engine: new FolderEngine({ ...settings, processes: this.options.processes, warn, cache: this.cache }), config };
    return this.backend;
  }

  private reset(): void {
    if (this.backend?.kind === 'process') this.backend.process.dispose();
    this.backend = undefined;
  }

  /** Re-reads the config file (it changed) before the next audit. */
  invalidateConfig(): void {
    this.reset();
  }

  /** The analysis process failed: say so once, and analyse this folder here from now on. */
  private fallBack(error: unknown): void {
    this.options.log.warn(`${this.folder.name}: the analysis process failed (${error instanceof Error ? error.message : String(error)}); analysing in the extension host`);
    this.processFailed = true;
    this.reset();
  }

  /** Audits the whole folder. `overlay` holds the text of open editors, newer than the disk. */
  async auditAll(overlay: ReadonlyMap<string, string>, onProgress: (done: number, total: number) => void): Promise<FolderSnapshot> {
    const backend = await this.ensureBackend();
    if (backend.kind === 'process') {
      try {
        return this.showRemote(backend, await backend.process.auditAll(overlay, onProgress));
      } catch (error) {
        this.fallBack(error);
        return this.auditAll(overlay, onProgress);
      }
    }
    const virtual = this.folder.uri.scheme !== 'file';
    return this.show(backend.engine, await backend.engine.auditAll(overlay, onProgress, virtual ? (accepts) => this.discoverVirtual(accepts, backend.config) : undefined));
  }

  private discoverVirtual(accepts: (path: string) => boolean, config: Config) {
    return discoverVirtualFiles(this.folder.uri, { include: config.include, exclude: config.exclude, maxFileBytes: config.maxFileBytes, accepts });
  }

  private show(engine: FolderEngine, found: FolderResult): FolderSnapshot {
    if (found !== this.currentResult || !this.current) {
      this.currentResult = found;
      this.current = snapshotOf(found, (path) => engine.insights(path), this.configError);
    }
    return this.current;
  }

  /** The current snapshot with one file's findings replaced. */
  private withFile(path: string, findings: Finding[]): FolderSnapshot {
    const findingsByFile = new Map(this.current!.findingsByFile).set(path, findings);
    return { ...this.current!, findingsByFile, findings: [...findingsByFile.values()].flat() };
  }

  private showRemote(backend: Extract<Backend, { kind: 'process' }>, found: RemoteResult): FolderSnapshot {
    if (found === this.currentResult && this.current) return this.current;
    this.currentResult = found;
    let audit: Promise<AuditJson> | undefined;
    return (this.current = {
      findings: [...found.findingsByFile.values()].flat(),
      findingsByFile: found.findingsByFile,
      fileCount: found.fileCount,
      insights: (path) => backend.process.insights(path),
      audit: () => (audit ??= backend.process.auditJson()),
      catalog: backend.catalog,
      finishedAt: new Date(),
      durationMs: found.durationMs,
      configError: this.configError,
    });
  }

  /**
   * A file changed (typed in an editor, saved, created) or went away (`text` null).
   * Returns undefined before the first whole-folder audit, or when the engine does not read the file.
   * `provisional` is given a snapshot with the file's findings after its phase 1, before phase 2.
   */
  async update(path: string, text: string | null, provisional?: (snapshot: FolderSnapshot) => void): Promise<FolderSnapshot | undefined> {
    const backend = await this.ensureBackend();
    if (backend.kind === 'here') {
      const found = await backend.engine.update(path, text, provisional && ((file, findings) => provisional(this.withFile(file, findings))));
      return found && this.show(backend.engine, found);
    }
    try {
      const found = await backend.process.update(path, text, provisional && ((result) => provisional(this.showRemote(backend, result))));
      return found && this.showRemote(backend, found);
    } catch (error) {
      this.fallBack(error);
      return this.auditAll(text === null ? new Map() : new Map([[path, text]]), () => {});
    }
  }

  /** The id of the folder's analysis process, when its analysis runs in one. */
  get processId(): number | undefined {
    return this.backend?.kind === 'process' ? this.backend.process.pid : undefined;
  }

  dispose(): void {
    this.reset();
  }
}

let looseEngine: Engine | undefined;

/**
 * A file outside every workspace folder (the walkthrough's sample, an untitled
 * editor): both phases on that file alone, with the default config.
 */
export async function analyzeLooseFile(path: string, text: string): Promise<FolderSnapshot> {
  const started = performance.now();
  looseEngine ??= new Engine({ frontEnds: await loadFrontEnds(), rules, knownRules: rules, lockfileFor });
  const file = looseEngine.analyzeFile({ path, text }, { editing: true });
  const result = looseEngine.analyzeWorkspace([file], new Set([path]), { texts: new Map([[path, text]]) });
  const durationMs = performance.now() - started;
  let audit: AuditJson | undefined;
  const found: FolderResult = {
    result,
    findingsByFile: new Map([[path, result.findings.filter((finding) => finding.loc.file === path)]]),
    durationMs,
    audit: () => (audit ??= toAuditJson(result, durationMs)),
  };
  return snapshotOf(found, (file) => insightsIn(result, file), null);
}
