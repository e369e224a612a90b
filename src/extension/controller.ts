import * as vscode from 'vscode';
import type { FolderAnalysis, FolderSnapshot } from './folder-analysis';
import { DiagnosticsPublisher, type AnalysisScope } from './diagnostics';
import { engineHost } from './engine-loader';
import { relativePosixPath } from './locations';
import { readSettings } from './settings';

/** A workspace folder or a loose file, with its latest analysis. */
export interface Scope extends AnalysisScope {
  name: string;
  folder: vscode.WorkspaceFolder | null;
  snapshot: FolderSnapshot | undefined;
}

interface FolderScope extends Scope {
  folder: vscode.WorkspaceFolder;
  analysis: FolderAnalysis | undefined;
  queue: Promise<unknown>;
}

const LANGUAGE_EXTENSIONS: Record<string, string> = {
  python: 'py', typescript: 'ts', typescriptreact: 'tsx', javascript: 'js', javascriptreact: 'jsx', json: 'json', jsonc: 'json', yaml: 'yaml', 'genai-prompt': 'prompt', markdown: 'md',
};
/** More changed files than this at once (a branch switch) re-audit the folder instead of updating file by file. */
const MAX_INCREMENTAL_FILES = 200;
const FILE_CHANGE_DELAY_MS = 250;

/** Where the time of one live update went (the benchmark reads it through the API). */
export interface UpdateTiming {
  path: string;
  /** Phase 1 of the file and phase 2 of its folder. */
  analysisMs: number;
  /** Turning findings into diagnostics and handing them to VS Code. */
  publishMs: number;
  /** The views, lenses and status item told of the change. */
  listenersMs: number;
  /** `performance.now()` when every finding of the update was published (phase 2 done). */
  finishedAt: number;
}

/**
 * Runs the analysis for the extension: whole-folder audits in the background,
 * live updates as documents change, loose files on their own. Everything it
 * learns goes to the diagnostics publisher and the `onDidChange` listeners.
 */
export class AnalysisController implements vscode.Disposable {
  private readonly folders = new Map<string, FolderScope>();
  private readonly loose = new Map<string, Scope>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changedFiles = new Map<string, Set<string>>();
  private readonly changed = new vscode.EventEmitter<Scope | undefined>();
  private readonly busyChanged = new vscode.EventEmitter<boolean>();
  private readonly published = new vscode.EventEmitter<void>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  readonly onDidChange = this.changed.event;
  readonly onDidChangeBusy = this.busyChanged.event;
  /** Fires right after diagnostics were handed to VS Code (the benchmark times edits by it). */
  readonly onDidPublish = this.published.event;
  readonly diagnostics: DiagnosticsPublisher;
  lastError: string | null = null;
  /** The last live update of a file in a folder. */
  lastUpdate: UpdateTiming | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.diagnostics = new DiagnosticsPublisher(() => engineHost().redactSecrets);
  }

  get busy(): boolean {
    return this.pending > 0;
  }

  /** Resolves once no analysis is queued or running (tests and benchmarks wait on it). */
  whenIdle(): Promise<void> {
    if (this.pending === 0 && this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  scopes(): Scope[] {
    return [...this.folders.values(), ...this.loose.values()];
  }

  folderScopes(): Scope[] {
    return [...this.folders.values()];
  }

  /** Ids of the folders' analysis processes that are running. */
  analysisProcesses(): number[] {
    return [...this.folders.values()].flatMap((scope) => scope.analysis?.processId ?? []);
  }

  /** The scope and path of a document, when something analyses it. */
  scopeOf(uri: vscode.Uri): { scope: Scope; path: string } | undefined {
    const loose = this.loose.get(uri.toString());
    if (loose) return { scope: loose, path: loose.pathOf(uri)! };
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const scope = folder && this.folders.get(folder.uri.toString());
    const path = scope?.pathOf(uri);
    return scope && path ? { scope, path } : undefined;
  }

  private track<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (this.pending++ === 0) this.busyChanged.fire(true);
    return work()
      .catch((error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.log.error(`analysis failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return undefined;
      })
      .finally(() => {
        if (--this.pending === 0) {
          this.busyChanged.fire(false);
          this.settleIdle();
        }
      });
  }

  private settleIdle(): void {
    if (this.pending > 0 || this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private folderOptions(scope: FolderScope) {
    const settings = scope.settings();
    return {
      configFile: settings.configFile,
      exclude: settings.exclude,
      // A repository's own git config can make git run programs: never in an untrusted workspace.
      git: vscode.workspace.isTrusted && settings.git && scope.folder.uri.scheme === 'file',
      processes: vscode.workspace.isTrusted,
      log: this.log,
    };
  }

  private ensureFolder(folder: vscode.WorkspaceFolder): FolderScope {
    const key = folder.uri.toString();
    let scope = this.folders.get(key);
    if (!scope) {
      scope = {
        key, name: folder.name, folder, analysis: undefined, queue: Promise.resolve(), snapshot: undefined,
        uriOf: (path) => vscode.Uri.joinPath(folder.uri, path),
        pathOf: (uri) => (uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority ? relativePosixPath(folder.uri.path, uri.path) : null),
        settings: () => readSettings(folder),
      };
      this.folders.set(key, scope);
    }
    return scope;
  }

  private analysisOf(scope: FolderScope): FolderAnalysis {
    scope.analysis ??= new (engineHost().FolderAnalysis)(scope.folder, this.folderOptions(scope));
    return scope.analysis;
  }

  private enqueue<T>(scope: FolderScope, work: () => Promise<T>): Promise<T | undefined> {
    // Counted as pending from now, not from when the queue reaches it, so whenIdle waits for it.
    const run = this.track(() => scope.queue.then(work));
    scope.queue = run;
    return run;
  }

  /** Text of the open editors of a folder: newer than the disk while unsaved. */
  private overlay(scope: FolderScope): Map<string, string> {
    const texts = new Map<string, string>();
    for (const document of vscode.workspace.textDocuments) {
      const path = scope.pathOf(document.uri);
      if (path && document.isDirty) texts.set(path, document.getText());
    }
    return texts;
  }

  /** Hands the scope's findings to VS Code, then (unless `notify` is false) tells the views, lenses and status item. */
  private publish(scope: Scope, notify = true): Pick<UpdateTiming, 'publishMs' | 'listenersMs'> | undefined {
    if (!scope.snapshot) return;
    const started = performance.now();
    const settings = scope.settings();
    if (!settings.enable) {
      this.diagnostics.clear(scope.key);
    } else {
      const open = new Set([...vscode.workspace.textDocuments.map((d) => d.uri.toString()), ...vscode.workspace.notebookDocuments.flatMap((nb) => nb.getCells().map((cell) => cell.document.uri.toString()))]);
      this.diagnostics.publish(scope, scope.snapshot.findingsByFile, (uri) => settings.problemsScope === 'workspace' || open.has(uri.toString()));
    }
    const published = performance.now();
    this.published.fire();
    if (notify) this.changed.fire(scope);
    return { publishMs: published - started, listenersMs: performance.now() - published };
  }

  /** Re-publishes every scope (settings changed, notebooks opened). */
  republishAll(): void {
    this.diagnostics.reset();
    for (const scope of this.scopes()) this.publish(scope);
  }

  /** Audits every workspace folder (or the given ones), showing progress in the status bar or as a notification. */
  auditFolders(location: vscode.ProgressLocation, only?: readonly vscode.WorkspaceFolder[]): Promise<unknown> {
    const folders = (only ?? vscode.workspace.workspaceFolders ?? []).map((folder) => this.ensureFolder(folder));
    return Promise.all(folders.map((scope) => this.enqueue(scope, async () => {
      if (!scope.settings().enable) {
        this.diagnostics.clear(scope.key);
        return;
      }
      await vscode.window.withProgress({ location, title: `GenAI Debt: auditing ${scope.name}`, cancellable: false }, async (progress) => {
        let reported = 0;
        const snapshot = await this.analysisOf(scope).auditAll(this.overlay(scope), (done, total) => {
          const percent = total ? Math.floor((done / total) * 100) : 100;
          progress.report({ message: `${done}/${total} files`, increment: percent - reported });
          reported = percent;
        });
        scope.snapshot = snapshot;
        this.lastError = snapshot.configError;
        this.log.info(`${scope.name}: ${snapshot.findings.length} findings in ${snapshot.fileCount} files (${Math.round(snapshot.durationMs)} ms)`);
      });
      this.publish(scope);
    })));
  }

  /** Options changed (settings, trust): new analyses pick them up at the next audit. */
  refreshOptions(): void {
    for (const scope of this.folders.values()) scope.analysis?.setOptions(this.folderOptions(scope));
  }

  removeFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.diagnostics.clear(key);
    this.folders.get(key)?.analysis?.dispose();
    this.folders.delete(key);
    this.changed.fire(undefined);
  }

  private debounce(key: string, delay: number, work: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      work();
      this.settleIdle();
    }, delay));
  }

  /** An open document's text changed, was saved or opened: analyse it (debounced while typing). */
  documentChanged(document: vscode.TextDocument, reason: 'type' | 'save' | 'open'): void {
    if (document.uri.scheme === 'vscode-notebook-cell' || document.uri.scheme === 'output' || document.uri.scheme === 'git') return;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const settings = readSettings(folder ?? document.uri);
    if (!settings.enable) return;
    if (reason === 'type' && settings.run === 'onSave') return;
    const delay = reason === 'type' ? settings.onTypeDelay : 0;
    if (folder) {
      const scope = this.ensureFolder(folder);
      const path = scope.pathOf(document.uri);
      if (!path) return;
      this.debounce(document.uri.toString(), delay, () => void this.updateFolderFile(scope, path, document.getText()));
    } else if (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') {
      this.debounce(document.uri.toString(), delay, () => void this.updateLoose(document));
    }
  }

  private async updateFolderFile(scope: FolderScope, path: string, text: string | null): Promise<void> {
    if (scope.analysis?.isConfigFile(path)) {
      scope.analysis.invalidateConfig();
      await this.auditFolders(vscode.ProgressLocation.Window, [scope.folder]);
      return;
    }
    await this.enqueue(scope, async () => {
      if (!scope.snapshot) return; // the first audit picks the text up from the open editors
      // The file's own findings are shown as soon as its phase 1 is done; phase 2 then corrects them.
      const snapshot = await this.analysisOf(scope).update(path, text, (provisional) => {
        scope.snapshot = provisional;
        this.publish(scope, false);
      });
      if (!snapshot) return;
      scope.snapshot = snapshot;
      const shown = this.publish(scope)!;
      this.lastUpdate = { path, analysisMs: snapshot.durationMs, ...shown, finishedAt: performance.now() };
      this.log.debug(`${scope.name}: ${path} analysed in ${snapshot.durationMs.toFixed(1)} ms, diagnostics published in ${shown.publishMs.toFixed(1)} ms, views told in ${shown.listenersMs.toFixed(1)} ms`);
    });
  }

  private async updateLoose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const base = document.uri.path.split('/').pop() || 'untitled';
    const extension = LANGUAGE_EXTENSIONS[document.languageId];
    const path = document.uri.scheme === 'untitled' && extension ? `${base}.${extension}` : base;
    let scope = this.loose.get(key);
    if (!scope) {
      scope = {
        key, name: base, folder: null, snapshot: undefined,
        uriOf: () => document.uri,
        pathOf: (uri) => (uri.toString() === key ? path : null),
        settings: () => readSettings(document.uri),
      };
      this.loose.set(key, scope);
    }
    const target = scope;
    await this.track(async () => {
      target.snapshot = await engineHost().analyzeLooseFile(path, document.getText());
      this.publish(target);
    });
  }

  documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const loose = this.loose.get(key);
    if (loose) {
      this.loose.delete(key);
      this.diagnostics.clear(key);
      this.changed.fire(undefined);
      return;
    }
    const found = this.scopeOf(document.uri);
    if (!found) return;
    // Closed without saving: the disk is the truth again. Open-files-only problems disappear.
    if (document.uri.scheme === 'file' || !document.isUntitled) this.fileChanged(document.uri, false);
    if (found.scope.settings().problemsScope === 'openFiles') this.publish(found.scope);
  }

  /** A file changed on disk (watcher). Batches changes; a burst re-audits the folder. */
  fileChanged(uri: vscode.Uri, deleted: boolean): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const scope = this.ensureFolder(folder);
    const path = scope.pathOf(uri);
    if (!path) return;
    const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString() && document.isDirty);
    if (open && !deleted) return; // the editor's text wins until it is saved
    const batch = this.changedFiles.get(scope.key) ?? new Set<string>();
    batch.add(`${deleted ? '-' : '+'}${path}`);
    this.changedFiles.set(scope.key, batch);
    this.debounce(`files:${scope.key}`, FILE_CHANGE_DELAY_MS, () => void this.track(() => this.flushFileChanges(scope)));
  }

  private async flushFileChanges(scope: FolderScope): Promise<void> {
    const batch = [...(this.changedFiles.get(scope.key) ?? [])];
    this.changedFiles.delete(scope.key);
    if (!scope.snapshot) return;
    if (batch.length > MAX_INCREMENTAL_FILES || batch.some((entry) => scope.analysis?.isConfigFile(entry.slice(1)))) {
      scope.analysis?.invalidateConfig();
      await this.auditFolders(vscode.ProgressLocation.Window, [scope.folder]);
      return;
    }
    for (const entry of batch) {
      const path = entry.slice(1);
      let text: string | null = null;
      if (entry.startsWith('+')) {
        try {
          text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(scope.uriOf(path)));
        } catch {
          text = null;
        }
      }
      await this.updateFolderFile(scope, path, text);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const scope of this.folders.values()) scope.analysis?.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
    this.busyChanged.dispose();
    this.published.dispose();
  }
}
