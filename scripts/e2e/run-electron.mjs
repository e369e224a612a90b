// Runs the same e2e suite in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (CI here cannot; it uses scripts/e2e/run.mjs and code-server).
// Usage: npm i --no-save @vscode/test-electron && npm run build && npx tsc -p .
//        node scripts/e2e/run-electron.mjs [main|untrusted] [--version stable|1.139.1]
// On Linux without a display, prefix it with `xvfb-run -a`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLines, repoRoot } from './host.mjs';
import { makeWorkspace, printResults, suiteEnvironment } from './suite-io.mjs';

let testElectron;
try {
  testElectron = await import('@vscode/test-electron');
} catch {
  console.error('@vscode/test-electron is not installed: npm i --no-save @vscode/test-electron');
  process.exit(2);
}

const argv = process.argv.slice(2);
const versionFlag = argv.indexOf('--version');
const version = versionFlag >= 0 ? argv[versionFlag + 1] : 'stable';
const name = argv.find((a, i) => !a.startsWith('--') && i !== versionFlag + 1) ?? 'main';
const suites = { main: 'out/test/e2e/suite', untrusted: 'out/test/e2e/untrusted' };
if (!suites[name]) throw new Error(`unknown run "${name}"; known: ${Object.keys(suites).join(', ')}`);

const scratch = mkdtempSync(join(tmpdir(), `genai-debt-e2e-electron-${name}-`));
const workspace = makeWorkspace(scratch);
const environment = suiteEnvironment(scratch, workspace);
let failed = false;
try {
  await testElectron.runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, suites[name]),
    extensionTestsEnv: environment,
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--user-data-dir', join(scratch, 'user-data'),
      ...(name === 'untrusted' ? [] : ['--disable-workspace-trust'])],
  });
} catch {
  failed = true;
}
const counts = printResults(name, readLines(environment.GENAI_DEBT_E2E_RESULTS));
if (failed && counts.failures === 0) counts.failures = 1;
console.log(`\n${counts.passes} passed, ${counts.failures} failed`);
process.exitCode = counts.failures > 0 ? 1 : 0;
