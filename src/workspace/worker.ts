import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../core/config';
import { Engine, type FileResult } from '../core/engine';
import type { SourceFile } from '../core/frontend';
import { rules } from '../rules';
import { lockfileFor } from '../languages/manifests';
import { loadFrontEnds } from './frontends';
import { serveFolder } from './folder-process';
import { runPhaseOne } from './pool';

/**
 * Work away from the caller's thread, three ways from one script: as a worker thread fed
 * batches of files for phase 1; as a child process given every file at once (it then runs its
 * own worker threads and exits, so all the memory parsing took goes back to the system); or,
 * with `--folder`, as the long-lived process of one folder's analysis (folder-process.ts).
 */
export interface WorkerInit {
  config: Config;
  ruleCodes: string[];
}

export interface WorkerRequest {
  id: number;
  files: SourceFile[];
}

/** To a child process: the files and the same settings a worker thread gets. */
export interface ProcessRequest extends WorkerInit {
  files: SourceFile[];
}

/** From a child process: progress while it works, then the results (or why it failed). */
export type ProcessReply = { progress: number } | { results: FileResult[] } | { error: string };

async function engineFor(init: WorkerInit): Promise<Engine> {
  return new Engine({ frontEnds: await loadFrontEnds(), rules: rules.filter((rule) => init.ruleCodes.includes(rule.code)), config: init.config, lockfileFor });
}

async function serveThread(): Promise<void> {
  const engine = await engineFor(workerData as WorkerInit);
  parentPort!.on('message', (request: WorkerRequest) => {
    parentPort!.postMessage({ id: request.id, results: request.files.map((file) => engine.analyzeUncached(file)) });
  });
  parentPort!.postMessage({ ready: true });
}

function serveProcess(): void {
  const reply = (message: ProcessReply, then: () => void = () => {}) => process.send!(message, then);
  process.once('message', async (request: ProcessRequest) => {
    try {
      const engine = await engineFor(request);
      let reported = 0;
      const results = await runPhaseOne(engine, request.files, {
        config: request.config,
        rules: rules.filter((rule) => request.ruleCodes.includes(rule.code)),
        shareThisThread: true,
        onProgress: (done) => {
          if (done - reported < 50) return;
          reported = done;
          reply({ progress: done });
        },
      });
      reply({ results }, () => process.exit(0));
    } catch (error) {
      reply({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
    }
  });
}

if (parentPort) void serveThread();
else if (process.send && process.argv.includes('--folder')) serveFolder();
else if (process.send) serveProcess();
