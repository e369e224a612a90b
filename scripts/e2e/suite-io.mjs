// What both e2e runners (code-server here, @vscode/test-electron elsewhere) share: the
// scratch workspace, the environment the suites read, and printing the recorded results.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './host.mjs';

/** A scratch copy of examples/ as its own git repository, so edits never touch this repo. */
export function makeWorkspace(scratch) {
  const workspace = join(scratch, 'workspace');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  const git = (...args) => spawnSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid',
    '-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, stdio: 'ignore', timeout: 30_000 });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'examples');
  return workspace;
}

/** A do-nothing extension to stand as extensionDevelopmentPath when testing the installed copy. */
export function makeProbeExtension(scratch) {
  const probe = join(scratch, 'probe-extension');
  mkdirSync(probe, { recursive: true });
  writeFileSync(join(probe, 'package.json'), JSON.stringify({
    name: 'genai-debt-e2e-probe', publisher: 'genai-debt-tests', version: '0.0.0', engines: { vscode: '^1.90.0' },
  }));
  return probe;
}


/** The variables the suites read (test/e2e/support): where to record results, the workspace. */
export function suiteEnvironment(scratch, workspace) {
  return {
    GENAI_DEBT_E2E_RESULTS: join(scratch, 'results.jsonl'),
    GENAI_DEBT_E2E_WORKSPACE: workspace,
    GENAI_DEBT_E2E_SCRATCH: scratch,
    GENAI_DEBT_E2E_REPO: repoRoot,
  };
}

export function printResults(name, results) {
  let passes = 0;
  let failures = 0;
  console.log(`\n  e2e: ${name}`);
  for (const line of results) {
    let event;
    try { event = JSON.parse(line); } catch { continue; }
    if (event.type === 'pass') {
      passes++;
      console.log(`    ✔ ${event.title} (${event.ms} ms)`);
    } else if (event.type === 'fail') {
      failures++;
      console.log(`    ✘ ${event.title}\n${String(event.error).replace(/^/gm, '        ')}`);
    } else if (event.type === 'pending') {
      console.log(`    - ${event.title} (pending)`);
    }
  }
  return { passes, failures };
}
