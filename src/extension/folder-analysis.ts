import * as vscode from 'vscode';
import { ModelCatalog } from '../catalog/models';
import { ConfigError, CONFIG_FILE_NAME, defaultConfig, parseConfig, type Config } from '../core/config';
import { Engine, type FileResult } from '../core/engine';
import type { Finding } from '../core/finding';
import { lockfileFor } from '../languages/manifests';
import type { AuditJson } from '../report/json';
import { toAuditJson } from '../report/json';
import { rules } from '../rules';
import { FolderEngine, insightsIn, type FileInsights, type FolderResult } from '../workspace/folder-engine';
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
  /** Whether a process of our own may be started (a trusted workspace): large audits then parse in one. */
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

/**
 * The analysis of one workspace folder for the editor: reads the folder's
 * config through `workspace.fs`, lists virtual folders, and keeps a
 * `FolderEngine` (whole-folder audit, then incremental updates).
 */
export class FolderAnalysis {
  private engine: FolderEngine | undefined;
  private configError: string | null = null;
  private current: FolderSnapshot | undefined;
  private currentFound: FolderResult | undefined;
  private readonly cache = new Map<string, FileResult>();

  constructor(readonly folder: vscode.WorkspaceFolder, private options: FolderOptions) {}

  get snapshot(): FolderSnapshot | undefined {
    return this.current;
  }

  /** New options; the analysis starts over (at the next audit) only when one the engine reads changed. */
  setOptions(options: FolderOptions): void {
    const engineOptions = ({ configFile, exclude, git, processes }: FolderOptions) => JSON.stringify([configFile, exclude, git, processes]);
    if (engineOptions(options) !== engineOptions(this.options)) this.engine = undefined;
    this.options = options;
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

  private async ensureEngine(): Promise<FolderEngine> {
    if (this.engine) return this.engine;
    const config = await this.loadConfig();
    config.exclude = [...config.exclude, ...this.options.exclude];
    if (this.configError) this.options.log.warn(`${this.folder.name}: ${this.configError}`);
    const local = this.folder.uri.scheme === 'file';
    this.engine = new FolderEngine({
      root: local ? this.folder.uri.fsPath : null, config, git: this.options.git && local, processes: this.options.processes,
      warn: (message) => this.options.log.warn(message), cache: this.cache,
    });
    return this.engine;
  }

  /** Re-reads the config file (it changed) before the next audit. */
  invalidateConfig(): void {
    this.engine = undefined;
  }

  /** Audits the whole folder. `overlay` holds the text of open editors, newer than the disk. */
  async auditAll(overlay: ReadonlyMap<string, string>, onProgress: (done: number, total: number) => void): Promise<FolderSnapshot> {
    const engine = await this.ensureEngine();
    const virtual = this.folder.uri.scheme !== 'file';
    return this.show(engine, await engine.auditAll(overlay, onProgress, virtual ? (accepts) => this.discoverVirtual(accepts) : undefined));
  }

  private show(engine: FolderEngine, found: FolderResult): FolderSnapshot {
    if (found !== this.currentFound || !this.current) {
      this.currentFound = found;
      this.current = snapshotOf(found, (path) => engine.insights(path), this.configError);
    }
    return this.current;
  }

  private async discoverVirtual(accepts: (path: string) => boolean) {
    const config = (await this.ensureEngine()).config;
    return discoverVirtualFiles(this.folder.uri, { include: config.include, exclude: config.exclude, maxFileBytes: config.maxFileBytes, accepts });
  }

  /**
   * A file changed (typed in an editor, saved, created) or went away (`text` null).
   * Returns undefined before the first whole-folder audit, or when the engine does not read the file.
   */
  async update(path: string, text: string | null): Promise<FolderSnapshot | undefined> {
    const engine = await this.ensureEngine();
    const found = await engine.update(path, text);
    return found && this.show(engine, found);
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
  const file = looseEngine.analyzeFile({ path, text });
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
