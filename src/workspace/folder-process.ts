import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Finding } from '../core/finding';
import type { AuditJson } from '../report/json';
import { FolderEngine, type FileInsights, type FolderEngineOptions, type FolderResult } from './folder-engine';

/**
 * A folder's analysis in a process of its own, as a language server keeps its
 * state: the texts, facts and phase 2 of every file live there, and the editor's
 * process holds only the findings it shows. The extension uses it in trusted
 * local folders (its host's memory no longer grows with the workspace); the
 * process is `worker.js --folder`, run by the editor's own runtime as Node.
 */

type EngineSettings = Omit<FolderEngineOptions, 'warn' | 'cache'>;

type Request =
  | { kind: 'init'; options: EngineSettings }
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
  | { provisional: number; path: string; findings: Finding[] }
  | { progress: [number, number] }
  | { warning: string };

/** The findings of the folder as the other side last saw them, kept current from deltas. */
export interface RemoteResult {
  findingsByFile: ReadonlyMap<string, Finding[]>;
  fileCount: number;
  durationMs: number;
}

export class FolderProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private onProgress: ((done: number, total: number) => void) | undefined;
  private onProvisional: ((result: RemoteResult) => void) | undefined;
  private exited: Error | undefined;
  private readonly findingsByFile = new Map<string, Finding[]>();
  private current: RemoteResult | undefined;

  constructor(options: EngineSettings, private readonly warn: (message: string) => void) {
    // process.execPath is the editor's own runtime in its extension host: ELECTRON_RUN_AS_NODE makes it plain Node.
    this.child = fork(join(__dirname, 'worker.js'), ['--folder'], {
      execPath: process.execPath, execArgv: [], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    this.child.on('message', (reply: Reply) => this.receive(reply));
    const fail = (error: Error) => {
      this.exited ??= error;
      for (const waiting of this.pending.values()) waiting.reject(this.exited);
      this.pending.clear();
    };
    this.child.once('error', fail);
    this.child.once('exit', (code, signal) => fail(new Error(`the analysis process exited (${signal ?? `code ${code}`})`)));
    void this.request({ kind: 'init', options }).catch(() => {}); // a failed start fails the first real request
  }

  private receive(reply: Reply): void {
    if ('progress' in reply) this.onProgress?.(...reply.progress);
    else if ('provisional' in reply) {
      this.findingsByFile.set(reply.path, reply.findings);
      this.current = { ...this.current!, findingsByFile: new Map(this.findingsByFile) };
      this.onProvisional?.(this.current);
    }
    else if ('warning' in reply) this.warn(reply.warning);
    else {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.value);
    }
  }

  private request<T>(request: Request): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, ...request });
    });
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

  /** The process id, while it runs. */
  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid;
  }

  dispose(): void {
    this.exited ??= new Error('the analysis process exited (disposed)');
    this.child.kill();
  }
}

/** The other side: `worker.js --folder` serving one FolderEngine over its IPC channel. */
export function serveFolder(): void {
  const send = (reply: Reply) => process.send!(reply);
  let engine: FolderEngine | undefined;
  // What the editor holds: the findings of each file it was sent, and their signature.
  let sent = new Map<string, { findings: Finding[]; signature: string }>();
  // Findings of files phase 1 did not redo are the same objects from one analysis to the next:
  // each is serialised once. Only `acknowledged` is set anew on every analysis.
  const serialised = new WeakMap<Finding, string>();
  const signatureOf = (finding: Finding): string => {
    let text = serialised.get(finding);
    if (text === undefined) serialised.set(finding, (text = JSON.stringify({ ...finding, acknowledged: undefined })));
    return finding.acknowledged ? `${text}${JSON.stringify(finding.acknowledged)}` : text;
  };
  const deltaOf = (found: FolderResult | undefined): FindingsDelta | null => {
    if (!found) return null;
    const next = new Map<string, { findings: Finding[]; signature: string }>();
    const changed: [string, Finding[]][] = [];
    for (const [path, findings] of found.findingsByFile) {
      const before = sent.get(path);
      // The same finding objects (a file phase 1 did not redo, no workspace finding): the same findings.
      if (before && before.findings.length === findings.length && before.findings.every((finding, index) => finding === findings[index])) {
        next.set(path, before);
        continue;
      }
      const signature = findings.map(signatureOf).join('\n');
      next.set(path, { findings, signature });
      if (before?.signature !== signature) changed.push([path, findings]);
    }
    const removed = [...sent.keys()].filter((path) => !next.has(path));
    sent = next;
    return { changed, removed, fileCount: found.result.files.length, durationMs: found.durationMs };
  };
  const handle = async (request: Request, id: number): Promise<unknown> => {
    if (request.kind === 'init') {
      engine = new FolderEngine({ ...request.options, warn: (warning) => send({ warning }), cache: new Map() });
      return null;
    }
    if (!engine) throw new Error('not initialised');
    switch (request.kind) {
      case 'audit':
        sent = new Map();
        return deltaOf(await engine.auditAll(new Map(request.overlay), (done, total) => send({ progress: [done, total] })));
      case 'update':
        return deltaOf(await engine.update(request.path, request.text, (path, findings) => {
          // The editor shows these now; the delta after phase 2 is taken against them.
          sent.set(path, { findings, signature: findings.map(signatureOf).join('\n') });
          send({ provisional: id, path, findings });
        }));
      case 'insights':
        return engine.insights(request.path);
      case 'auditJson':
        return engine.latest?.audit() ?? null;
    }
  };
  // One request at a time, in order: an update must not overtake the audit before it.
  let queue = Promise.resolve();
  process.on('message', (message: Request & { id: number }) => {
    queue = queue.then(async () => {
      try {
        send({ id: message.id, value: await handle(message, message.id) });
      } catch (error) {
        send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  // The editor went away: so does its analysis.
  process.once('disconnect', () => process.exit(0));
}
