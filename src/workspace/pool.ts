import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../core/config';
import type { Engine, FileResult } from '../core/engine';
import type { SourceFile } from '../core/frontend';
import type { RuleDefinition } from '../core/rule';
import { rules as registry } from '../rules';
import type { ProcessReply, ProcessRequest, WorkerInit } from './worker';

/** Below this much source, starting workers (each loads the parsers) costs more than it saves. */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;
/** Files per message: small enough that the workers finish together, large enough to keep messages few. */
const MAX_BATCH_FILES = 24;

export interface PhaseOneOptions {
  config: Config;
  rules: readonly RuleDefinition[];
  onProgress?: (done: number, total: number) => void;
  /** Threads for phase 1; default: one per core, at most 4, and one for small workspaces. */
  threads?: number;
  /**
   * Whether this thread analyses files too, as one of the threads (the CLI: it has nothing
   * else to do). The extension host keeps its thread free for the editor.
   */
  shareThisThread?: boolean;
  /**
   * Run the workers in a child process of this program, which exits when done: the memory
   * parsing took goes back to the system instead of staying in this process (the extension
   * host, in a trusted workspace). Falls back to worker threads if the process fails.
   */
  childProcess?: boolean;
  /** Told why the child process was not used, when it failed. */
  warn?: (message: string) => void;
}

function threadCount(files: readonly SourceFile[], options: PhaseOneOptions): number {
  if (options.threads !== undefined) return options.threads;
  // Workers load rules from the registry by code, so rule sets from elsewhere (tests) run here.
  if (!options.rules.every((rule) => registry.includes(rule))) return 1;
  const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
  return bytes < MIN_PARALLEL_BYTES ? 1 : Math.min(4, availableParallelism());
}

/** Lets worker messages in between two slices of this thread's own share. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Phase 1 for every file: from the engine's cache when the text is unchanged,
 * otherwise in worker threads (large workspaces; this thread takes a share when
 * `shareThisThread`) or in this thread. Results come back in the order of `files`.
 */
export async function runPhaseOne(engine: Engine, files: readonly SourceFile[], options: PhaseOneOptions): Promise<FileResult[]> {
  const keys = files.map((file) => engine.cacheKey(file));
  const results: (FileResult | undefined)[] = keys.map((key) => engine.cachedResult(key));
  const pending = files.map((_, index) => index).filter((index) => results[index] === undefined);
  let done = files.length - pending.length;
  const record = (index: number, result: FileResult) => {
    results[index] = result;
    engine.remember(keys[index], result);
    options.onProgress?.(++done, files.length);
  };
  const threads = Math.min(threadCount(files, options), pending.length);
  const workerCount = options.shareThisThread ? threads - 1 : threads;
  if (threads < 2 || workerCount < 1) {
    for (const index of pending) record(index, engine.analyzeUncached(files[index]));
    return results as FileResult[];
  }
  const init: WorkerInit = { config: options.config, ruleCodes: options.rules.map((rule) => rule.code) };
  if (options.childProcess) {
    const fromChild = await inChildProcess(pending.map((index) => files[index]), init, (count) => options.onProgress?.(done + count, files.length))
      .catch((error: Error) => {
        options.warn?.(`phase 1 could not run in a child process (${error.message}); using worker threads`);
        return null;
      });
    if (fromChild) {
      fromChild.forEach((result, i) => record(pending[i], result));
      return results as FileResult[];
    }
  }
  if (options.shareThisThread) {
    // Workers take batches from the front, this thread from the back: with TS/JS files last, this
    // thread warms up the TypeScript front-end and the workers only the others (measured ~10% less
    // phase 1 time on 2 cores than interleaved languages).
    const last = (index: number) => (engine.frontEndFor(files[index].path)?.id === 'typescript' ? 1 : 0);
    pending.sort((a, b) => last(a) - last(b) || a - b);
  }
  const batches: number[][] = [];
  const batchSize = Math.max(1, Math.min(MAX_BATCH_FILES, Math.ceil(pending.length / (threads * 4))));
  for (let i = 0; i < pending.length; i += batchSize) batches.push(pending.slice(i, i + batchSize));
  const workers = Array.from({ length: workerCount }, () => new Worker(join(__dirname, 'worker.js'), { workerData: init }));
  // This thread's share, one file at a time, so replies from the workers are taken in between.
  const shareThisThread = async (): Promise<void> => {
    for (let batch = batches.pop(); batch; batch = batches.pop()) {
      for (const index of batch) {
        record(index, engine.analyzeUncached(files[index]));
        await yieldToEvents();
      }
    }
  };
  try {
    await Promise.all([
      ...(options.shareThisThread ? [shareThisThread()] : []),
      ...workers.map((worker) => new Promise<void>((resolve, reject) => {
        // Two batches in flight, so a worker never waits for this thread to send the next.
        const inFlight = new Map<number, number[]>();
        let nextId = 0;
        const send = (): void => {
          const batch = batches.shift();
          if (!batch) return;
          inFlight.set(++nextId, batch);
          worker.postMessage({ id: nextId, files: batch.map((index) => files[index]) });
        };
        worker.on('message', (message: { id?: number; results?: FileResult[] }) => {
          const batch = message.id !== undefined ? inFlight.get(message.id) : undefined;
          if (batch && message.results) {
            inFlight.delete(message.id!);
            message.results.forEach((result, i) => record(batch[i], result));
          } else send(); // the worker's "ready"
          send();
          if (inFlight.size === 0) resolve();
        });
        worker.once('error', reject);
      })),
    ]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results as FileResult[];
}

/** `worker.js` as a process of its own, talking over IPC (see worker.ts for what `args` select). */
export function forkWorkerProcess(args: string[]): ChildProcess {
  // process.execPath is the editor's own runtime in its extension host: ELECTRON_RUN_AS_NODE makes it plain Node.
  return fork(join(__dirname, 'worker.js'), args, {
    execPath: process.execPath, execArgv: [], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
}

/** Phase 1 of `files` in a child process (see `childProcess`): its results, or a rejection saying why not. */
function inChildProcess(files: SourceFile[], init: WorkerInit, onProgress: (done: number) => void): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const child = forkWorkerProcess([]);
    let settled = false;
    const settle = (error: Error | null, results?: FileResult[]) => {
      if (settled) return;
      settled = true;
      if (error) {
        child.kill();
        reject(error);
      } else resolve(results!);
    };
    child.on('message', (reply: ProcessReply) => {
      if ('progress' in reply) onProgress(reply.progress);
      else if ('results' in reply) settle(null, reply.results);
      else settle(new Error(reply.error));
    });
    child.once('error', (error) => settle(error));
    child.once('exit', (code) => settle(new Error(`phase 1 process exited with code ${code}`)));
    const request: ProcessRequest = { ...init, files };
    child.send(request);
  });
}
