import type { ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import type { Finding } from '../core/finding';
import type { AuditJson } from '../report/json';
import { FolderEngine, type FileInsights, type FolderEngineOptions, type FolderResult } from './folder-engine';
import { forkWorkerProcess } from './pool';

/**
 * Folders' analyses in a process of their own, as a language server keeps its
 * state: the texts, facts and phase 2 of every file live there, and the editor's
 * process holds only the findings it shows. The extension uses it for trusted
 * local folders (its host's memory no longer grows with the workspace). One
 * process, `worker.js --folder` run by the editor's own runtime as Node, serves
 * every folder of the editor; it exits when the last folder is released.
 */

type EngineSettings = Omit<FolderEngineOptions, 'warn' | 'cache'>;

type Request =
  | { kind: 'open'; options: EngineSettings }
  | { kind: 'close' }
  | { kind: 'audit'; overlay: [string, string][] }
  | { kind: 'update'; path: string; text: string | null }
  | { kind: 'insights'; path: string }
  | { kind: 'auditJson' };

/** What changed since the previous answer: findings per file, only for the files whose findings changed. */
export interface FindingsDelta {
  changed: [string, Finding[]][];
  removed: string[];
  fileCount: number;
  durationMs: number;
}

type Reply =
  | { id: number; value: unknown }
  | { id: number; error: string }
  | { folder: number; provisional: true; path: string; findings: Finding[] }
  | { folder: number; progress: [number, number] }
  | { folder: number; warning: string };

/** The findings of the folder as the other side last saw them, kept current from deltas. */
export interface RemoteResult {
  findingsByFile: ReadonlyMap<string, Finding[]>;
  fileCount: number;
  durationMs: number;
}

/** The analysis process, and the folders it serves. */
class AnalysisProcess {
  private static shared: AnalysisProcess | undefined;
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly folders = new Map<number, FolderProcess>();
  private nextId = 0;
  exited: Error | undefined;

  static acquire(): AnalysisProcess {
    if (!AnalysisProcess.shared || AnalysisProcess.shared.exited) AnalysisProcess.shared = new AnalysisProcess();
    return AnalysisProcess.shared;
  }

  private constructor() {
    this.child = forkWorkerProcess(['--folder']);
    this.child.on('message', (reply: Reply) => this.receive(reply));
    this.child.once('error', (error) => this.fail(error));
    this.child.once('exit', (code, signal) => this.fail(new Error(`the analysis process exited (${signal ?? `code ${code}`})`)));
  }

  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid;
  }

  private fail(error: Error): void {
    this.exited ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.exited);
    this.pending.clear();
  }

  private receive(reply: Reply): void {
    if ('folder' in reply) this.folders.get(reply.folder)?.receive(reply);
    else {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.value);
    }
  }

  open(folder: FolderProcess, id: number): void {
    this.folders.set(id, folder);
  }

  request<T>(folder: number, request: Request): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, folder, ...request });
    });
  }

  /** A folder is done with the process; the last one to go ends it. */
  release(id: number): void {
    this.folders.delete(id);
    if (this.folders.size > 0 || this.exited) return;
    this.exited = new Error('the analysis process exited (no folder left)');
    this.child.kill();
  }
}

let nextFolder = 0;

/** One folder's analysis in the analysis process: the same calls as FolderEngine, asynchronous. */
export class FolderProcess {
  private readonly process = AnalysisProcess.acquire();
  private readonly id = ++nextFolder;
  private onProgress: ((done: number, total: number) => void) | undefined;
  private onProvisional: ((result: RemoteResult) => void) | undefined;
  private released = false;
  private readonly findingsByFile = new Map<string, Finding[]>();
  private current: RemoteResult | undefined;

  constructor(options: EngineSettings, private readonly warn: (message: string) => void) {
    this.process.open(this, this.id);
    void this.request({ kind: 'open', options }).catch(() => {}); // a failed start fails the first real request
  }

  /** Messages of the process about this folder: progress, provisional findings, warnings. */
  receive(reply: Extract<Reply, { folder: number }>): void {
    if ('progress' in reply) this.onProgress?.(...reply.progress);
    else if ('provisional' in reply) {
      this.findingsByFile.set(reply.path, reply.findings);
      this.current = { ...this.current!, findingsByFile: new Map(this.findingsByFile) };
      this.onProvisional?.(this.current);
    } else this.warn(reply.warning);
  }

  private request<T>(request: Request): Promise<T> {
    if (this.released) return Promise.reject(new Error('the folder\'s analysis was closed'));
    return this.process.request<T>(this.id, request);
  }

  private apply(delta: FindingsDelta | null): RemoteResult | undefined {
    if (!delta) return undefined;
    if (delta.changed.length === 0 && delta.removed.length === 0 && this.current?.durationMs === delta.durationMs) return this.current;
    for (const path of delta.removed) this.findingsByFile.delete(path);
    for (const [path, findings] of delta.changed) this.findingsByFile.set(path, findings);
    return (this.current = { findingsByFile: new Map(this.findingsByFile), fileCount: delta.fileCount, durationMs: delta.durationMs });
  }

  async auditAll(overlay: ReadonlyMap<string, string>, onProgress: (done: number, total: number) => void): Promise<RemoteResult> {
    this.onProgress = onProgress;
    try {
      return this.apply(await this.request<FindingsDelta>({ kind: 'audit', overlay: [...overlay] }))!;
    } finally {
      this.onProgress = undefined;
    }
  }

  /**
   * Undefined when the update changes nothing the engine reads (see FolderEngine.update);
   * `provisional` is told the edited file's findings between phase 1 and phase 2.
   */
  async update(path: string, text: string | null, provisional?: (result: RemoteResult) => void): Promise<RemoteResult | undefined> {
    this.onProvisional = provisional;
    try {
      return this.apply(await this.request<FindingsDelta | null>({ kind: 'update', path, text }));
    } finally {
      this.onProvisional = undefined;
    }
  }

  insights(path: string): Promise<FileInsights | undefined> {
    return this.request({ kind: 'insights', path });
  }

  auditJson(): Promise<AuditJson> {
    return this.request({ kind: 'auditJson' });
  }

  /** The analysis process's id, while it runs this folder's analysis. */
  get pid(): number | undefined {
    return this.released ? undefined : this.process.pid;
  }

  dispose(): void {
    if (this.released) return;
    void this.request({ kind: 'close' }).catch(() => {});
    this.released = true;
    this.process.release(this.id);
  }
}

/** The analysis of one folder in the process, and what the editor holds of it. */
class ServedFolder {
  readonly engine: FolderEngine;
  // What the editor holds: the findings of each file it was sent.
  private sent = new Map<string, Finding[]>();

  constructor(options: EngineSettings, private readonly id: number, private readonly send: (reply: Reply) => void) {
    this.engine = new FolderEngine({ ...options, warn: (warning) => send({ folder: id, warning }), cache: new Map() });
  }

  async audit(overlay: [string, string][]): Promise<FindingsDelta | null> {
    this.sent = new Map();
    return this.deltaOf(await this.engine.auditAll(new Map(overlay), (done, total) => this.send({ folder: this.id, progress: [done, total] })));
  }

  async update(path: string, text: string | null): Promise<FindingsDelta | null> {
    return this.deltaOf(await this.engine.update(path, text, (file, findings) => {
      // The editor shows these now; the delta after phase 2 is taken against them.
      this.sent.set(file, findings);
      this.send({ folder: this.id, provisional: true, path: file, findings });
    }));
  }

  private deltaOf(found: FolderResult | undefined): FindingsDelta | null {
    if (!found) return null;
    const next = new Map<string, Finding[]>();
    const changed: [string, Finding[]][] = [];
    for (const [path, findings] of found.findingsByFile) {
      const before = this.sent.get(path);
      next.set(path, findings);
      if (!before || !sameFindings(before, findings)) changed.push([path, findings]);
    }
    const removed = [...this.sent.keys()].filter((path) => !next.has(path));
    this.sent = next;
    return { changed, removed, fileCount: found.result.files.length, durationMs: found.durationMs };
  }
}

/**
 * Findings of files phase 1 did not redo are the same objects from one analysis to the next;
 * phase 2 makes its findings anew, mostly equal to the last ones: compared field by field.
 */
function sameFindings(before: readonly Finding[], now: readonly Finding[]): boolean {
  return before.length === now.length && before.every((finding, index) => finding === now[index] || isDeepStrictEqual(finding, now[index]));
}

/** The other side: `worker.js --folder` serving the folders' engines over its IPC channel. */
export function serveFolder(): void {
  const send = (reply: Reply) => process.send!(reply);
  const folders = new Map<number, ServedFolder>();
  const handle = async (request: Request, folderId: number): Promise<unknown> => {
    if (request.kind === 'open') {
      folders.set(folderId, new ServedFolder(request.options, folderId, send));
      return null;
    }
    const folder = folders.get(folderId);
    if (!folder) throw new Error('no such folder');
    switch (request.kind) {
      case 'close':
        folders.delete(folderId);
        return null;
      case 'audit':
        return folder.audit(request.overlay);
      case 'update':
        return folder.update(request.path, request.text);
      case 'insights':
        return folder.engine.insights(request.path);
      case 'auditJson':
        return folder.engine.latest?.audit() ?? null;
    }
  };
  // One request at a time, in order: an update must not overtake the audit before it.
  let queue = Promise.resolve();
  process.on('message', (message: Request & { id: number; folder: number }) => {
    queue = queue.then(async () => {
      try {
        send({ id: message.id, value: await handle(message, message.folder) });
      } catch (error) {
        send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  // The editor went away: so does its analysis.
  process.once('disconnect', () => process.exit(0));
}
