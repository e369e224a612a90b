import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../core/config';
import { Engine } from '../core/engine';
import type { SourceFile } from '../core/frontend';
import { rules } from '../rules';
import { lockfileFor } from '../languages/manifests';
import { loadFrontEnds } from './frontends';

/** A phase 1 worker: the same front-ends, rules and config as the main thread, fed batches of files. */
export interface WorkerInit {
  config: Config;
  ruleCodes: string[];
}

export interface WorkerRequest {
  id: number;
  files: SourceFile[];
}

async function serve(): Promise<void> {
  const init = workerData as WorkerInit;
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: rules.filter((rule) => init.ruleCodes.includes(rule.code)), config: init.config, lockfileFor });
  parentPort!.on('message', (request: WorkerRequest) => {
    parentPort!.postMessage({ id: request.id, results: request.files.map((file) => engine.analyzeUncached(file)) });
  });
  parentPort!.postMessage({ ready: true });
}

void serve();
