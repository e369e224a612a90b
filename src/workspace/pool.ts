import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../core/config';
import type { Engine, FileResult } from '../core/engine';
import type { SourceFile } from '../core/frontend';
import type { RuleDefinition } from '../core/rule';
import { rules as registry } from '../rules';
import type { WorkerInit } from './worker';

/** Below this much source, starting workers (each loads the parsers) costs more than it saves. */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;
/** Files per message: small enough that the workers finish together, large enough to keep messages few. */
const MAX_BATCH_FILES = 24;

export interface PhaseOneOptions {
  config: Config;
  rules: readonly RuleDefinition[];
  onProgress?: (done: number, total: number) => void;
  /** Worker threads to use; default: one per core, at most 4, and none for small workspaces. */
  workers?: number;
}

function workerCount(files: readonly SourceFile[], options: PhaseOneOptions): number {
  if (options.workers !== undefined) return options.workers;
  // Workers load rules from the registry by code, so rule sets from elsewhere (tests) run here.
  if (!options.rules.every((rule) => registry.includes(rule))) return 0;
  const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
  return bytes < MIN_PARALLEL_BYTES ? 0 : Math.min(4, availableParallelism());
}

/**
 * Phase 1 for every file: from the engine's cache when the text is unchanged,
 * otherwise in worker threads (large workspaces) or in this thread.
 * Results come back in the order of `files`.
 */
export async function runPhaseOne(engine: Engine, files: readonly SourceFile[], options: PhaseOneOptions): Promise<FileResult[]> {
  const keys = files.map((file) => engine.cacheKey(file));
  const results: (FileResult | undefined)[] = keys.map((key) => engine.cachedResult(key));
  const pending = files.map((_, index) => index).filter((index) => results[index] === undefined);
  let done = files.length - pending.length;
  const count = Math.min(workerCount(files, options), pending.length);
  if (count < 2) {
    for (const index of pending) {
      results[index] = engine.analyzeUncached(files[index]);
      engine.remember(keys[index], results[index]!);
      options.onProgress?.(++done, files.length);
    }
    return results as FileResult[];
  }
  const init: WorkerInit = { config: options.config, ruleCodes: options.rules.map((rule) => rule.code) };
  const batches: number[][] = [];
  const batchSize = Math.max(1, Math.min(MAX_BATCH_FILES, Math.ceil(pending.length / (count * 4))));
  for (let i = 0; i < pending.length; i += batchSize) batches.push(pending.slice(i, i + batchSize));
  const workers = Array.from({ length: count }, () => new Worker(join(__dirname, 'worker.js'), { workerData: init }));
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const next = (): void => {
        const batch = batches.shift();
        if (!batch) return resolve();
        worker.postMessage({ id: 0, files: batch.map((index) => files[index]) });
        worker.once('message', (message: { results: FileResult[] }) => {
          message.results.forEach((result, i) => {
            results[batch[i]] = result;
            engine.remember(keys[batch[i]], result);
          });
          done += batch.length;
          options.onProgress?.(done, files.length);
          next();
        });
      };
      worker.once('error', reject);
      worker.once('message', next); // the worker's "ready"
    })));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results as FileResult[];
}
