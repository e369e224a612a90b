// Runs the mocha suites from the compiled tree and ends with the plain summary line CI reads.
// Usage: node scripts/run-tests.mjs [dir…]   (default: out/test/unit)
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const mocha = new Mocha({ reporter: 'spec', timeout: 60000 });
const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['out/test/unit'];
for (const dir of dirs) {
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(dir, file));
}
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  console.log(`\n${runner.stats?.passes ?? 0} passed, ${failures} failed`);
  process.exitCode = failures > 0 ? 1 : 0;
});
