// Runs the end-to-end suites inside a real VS Code (code-server + headless Chromium).
// Usage: node scripts/e2e/run.mjs [main] [untrusted] [installed] [ui] [--keep] [--vsix file] [--grep text]
//   main       test/e2e/suite over a scratch copy of examples/, extension from this folder
//   untrusted  test/e2e/untrusted with Workspace Trust on and the folder not trusted
//   installed  the packaged .vsix installed with --install-extension, test/e2e/installed
//   ui         the Playwright UI check (scripts/e2e/ui-check.mjs), each step one test
// Needs `npm run build` and `tsc -p .` first, and the host (scripts/e2e/install-host.sh).
// Ends with the plain line "N passed, N failed" over every run.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromiumArgs, chromiumPath, installVsix, readLines, repoRoot, startHost, testUrl, withTimeout,
} from './host.mjs';
import { runUiCheck } from './ui-check.mjs';
import { makeProbeExtension, makeWorkspace, printResults, suiteEnvironment } from './suite-io.mjs';

const RUNS = {
  main: { suite: 'out/test/e2e/suite', trusted: true, minutes: 12 },
  untrusted: { suite: 'out/test/e2e/untrusted', trusted: false, minutes: 4 },
  installed: { suite: 'out/test/e2e/installed', trusted: true, minutes: 4, vsix: true },
  ui: { ui: true },
};

const argv = process.argv.slice(2);
const keep = argv.includes('--keep');
const vsixFlag = argv.indexOf('--vsix');
const givenVsix = vsixFlag >= 0 ? argv[vsixFlag + 1] : undefined;
const grepFlag = argv.indexOf('--grep');
const grep = grepFlag >= 0 ? argv[grepFlag + 1] : undefined;
const valueAt = new Set([vsixFlag + 1, grepFlag + 1].filter((i) => i > 0));
const names = argv.filter((a, i) => !a.startsWith('--') && !valueAt.has(i));
const selected = names.length > 0 ? names : Object.keys(RUNS);
for (const name of selected) if (!RUNS[name]) throw new Error(`unknown run "${name}"; known: ${Object.keys(RUNS).join(', ')}`);

function packageVsix(scratch) {
  if (givenVsix) return join(process.cwd(), givenVsix);
  const out = join(scratch, 'genai-debt.vsix');
  const vsce = join(repoRoot, 'node_modules/.bin/vsce');
  const [cmd, args] = existsSync(vsce) ? [vsce, []] : ['npx', ['--yes', '@vscode/vsce']];
  // No repository URL yet: the README's screenshots stay relative links (they show on the repository page).
  const result = spawnSync(cmd, [...args, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

async function runOne(name) {
  const spec = RUNS[name];
  const scratch = mkdtempSync(join(tmpdir(), `genai-debt-e2e-${name}-`));
  const consoleLog = join(scratch, 'browser-console.log');
  const workspace = makeWorkspace(scratch);
  const environment = { ...suiteEnvironment(scratch, workspace), ...(grep ? { GENAI_DEBT_E2E_GREP: grep } : {}) };
  const started = Date.now();
  let host;
  let browser;
  let exitCode;
  let problem;
  try {
    host = await startHost({ scratch, trusted: spec.trusted, env: environment });
    let extensionPath = repoRoot;
    if (spec.vsix) {
      const vsix = packageVsix(scratch);
      installVsix(vsix, host.dirs);
      extensionPath = makeProbeExtension(scratch);
    }
    browser = await withTimeout(chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs }),
      60_000, 'Chromium to start');
    const page = await browser.newPage();
    page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.message}\n`));
    let reportExit;
    const exited = new Promise((resolve) => { reportExit = resolve; });
    // The workbench calls this with the suite's exit code when the tests are done.
    await page.exposeFunction('codeAutomationExit', (code) => { reportExit(code); });
    await withTimeout(page.goto(testUrl(host, {
      folder: workspace, extensionPath, testsPath: join(repoRoot, spec.suite), environment,
    })), 60_000, 'the workbench to load');
    exitCode = await withTimeout(exited, spec.minutes * 60_000, `suite "${name}" to finish`);
  } catch (error) {
    problem = error;
  } finally {
    await browser?.close().catch(() => {});
    await host?.stop();
  }
  const counts = printResults(name, readLines(environment.GENAI_DEBT_E2E_RESULTS));
  if (problem) {
    counts.failures++;
    console.log(`    ✘ ${name}: ${problem.message}`);
  } else if (exitCode !== 0 && counts.failures === 0) {
    counts.failures++;
    console.log(`    ✘ ${name}: the suite exited with ${exitCode} but reported no failing test`);
  } else if (counts.passes + counts.failures === 0) {
    counts.failures++;
    console.log(`    ✘ ${name}: no test ran`);
  }
  console.log(`    ${counts.passes} passed, ${counts.failures} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (counts.failures > 0 || keep) {
    console.log(`    logs kept in ${scratch} (code-server.log, browser-console.log, results.jsonl)`);
  } else {
    rmSync(scratch, { recursive: true, force: true });
  }
  return counts;
}

let passes = 0;
let failures = 0;
for (const name of selected) {
  const counts = RUNS[name].ui ? await runUiCheck({ keep }) : await runOne(name);
  passes += counts.passes;
  failures += counts.failures;
}
console.log(`\n${passes} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
