import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import { Engine } from '../../../src/core/engine';
import { lockfileFor } from '../../../src/languages/manifests';
import { rules } from '../../../src/rules';
import { auditWorkspace } from '../../../src/workspace/audit';
import { discoverFiles } from '../../../src/workspace/discovery';
import { loadFrontEnds } from '../../../src/workspace/frontends';
import { runPhaseOne } from '../../../src/workspace/pool';

describe('phase 1 in worker threads', function () {
  this.timeout(120_000);
  it('gives the same audit as one thread', async () => {
    const examples = join(__dirname, '../../../../examples');
    const strip = (audit: Awaited<ReturnType<typeof auditWorkspace>>) => ({ ...audit, summary: { ...audit.summary, durationMs: 0 } });
    const serial = await auditWorkspace(examples, { threads: 1, git: false });
    assert.ok(serial.inventory.llmCalls.length > 5);
    // one worker and this thread; two workers and this thread
    for (const threads of [2, 3]) assert.deepEqual(strip(await auditWorkspace(examples, { threads, git: false })), strip(serial));
  });

  it('keeps this thread free when asked to (the extension host), with the same results', async () => {
    const examples = join(__dirname, '../../../../examples');
    const config = defaultConfig();
    const files = (await discoverFiles(examples, { accepts: () => true })).files.filter((file) => /\.(py|ts)$/.test(file.path));
    const analyse = async (threads: number, childProcess = false) => {
      const engine = new Engine({ frontEnds: await loadFrontEnds(), rules, config, lockfileFor });
      let progress = 0;
      const warnings: string[] = [];
      const results = await runPhaseOne(engine, files, { config, rules, threads, childProcess, onProgress: (done) => { progress = done; }, warn: (message) => warnings.push(message) });
      assert.deepEqual(warnings, []);
      // Cached for the next run, as a worker's results are.
      assert.equal(engine.cachedResult(engine.cacheKey(files[0])), results[0]);
      return { facts: results.map((result) => result.facts), findings: results.map((result) => result.findings), progress };
    };
    const serial = await analyse(1);
    assert.ok(serial.facts.length > 5);
    assert.deepEqual(await analyse(2), serial);
    // In a child process that runs its own workers and exits (the extension host in a trusted workspace).
    assert.deepEqual(await analyse(2, true), serial);
  });
});
