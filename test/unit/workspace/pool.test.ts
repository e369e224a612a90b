import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { auditWorkspace } from '../../../src/workspace/audit';

describe('phase 1 in worker threads', function () {
  this.timeout(120_000);
  it('gives the same audit as one thread', async () => {
    const examples = join(__dirname, '../../../../examples');
    const strip = (audit: Awaited<ReturnType<typeof auditWorkspace>>) => ({ ...audit, summary: { ...audit.summary, durationMs: 0 } });
    const serial = await auditWorkspace(examples, { workers: 0, git: false });
    const parallel = await auditWorkspace(examples, { workers: 2, git: false });
    assert.ok(serial.inventory.llmCalls.length > 5);
    assert.deepEqual(strip(parallel), strip(serial));
  });
});
