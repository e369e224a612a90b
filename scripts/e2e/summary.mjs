// Adds up the "N passed, N failed" closing lines of several test logs into one such line,
// so CI's last line covers the unit and the e2e tests. A log without that line (a runner
// that crashed before its summary) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const summary = lines.reverse().map((l) => /^(\d+) passed, (\d+) failed$/.exec(l.trim())).find(Boolean);
  if (summary) {
    passed += Number(summary[1]);
    failed += Number(summary[2]);
  } else {
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
