// The end-to-end test host: a real VS Code (code-server, installed by install-host.sh)
// opened in headless Chromium. One `startHost()` gives a running workbench-ready server
// with its own user data, extensions and XDG folders in a scratch folder; `stop()` kills
// its whole process group. Every wait is bounded so CI can never hang here.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync, createWriteStream, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const hostDir = process.env.GENAI_DEBT_E2E_HOST ?? join(repoRoot, '.vscode-test/host');
const hostNode = join(hostDir, 'node/bin/node');
const codeServerEntry = join(hostDir, 'node_modules/code-server/out/node/entry.js');
export const chromiumPath = process.env.GENAI_DEBT_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update'];

export function assertHostInstalled() {
  for (const file of [hostNode, codeServerEntry, chromiumPath]) {
    if (!existsSync(file)) throw new Error(`e2e host missing ${file}; run scripts/e2e/install-host.sh`);
  }
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A `git` first on the host's PATH that records every call, then runs the real git:
 * the untrusted-workspace test reads this log to prove nothing was spawned.
 */
function writeGitShim(binDir, spawnLog) {
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  mkdirSync(binDir, { recursive: true });
  const shim = join(binDir, 'git');
  writeFileSync(shim, `#!/bin/sh\nprintf '%s\\t%s\\n' "$PWD" "$*" >> '${spawnLog}'\n` +
    (realGit ? `exec '${realGit}' "$@"\n` : 'exit 127\n'));
  chmodSync(shim, 0o755);
}

/**
 * Starts code-server. `trusted: false` keeps Workspace Trust on, so the opened folder
 * is in Restricted Mode; otherwise trust is switched off (everything trusted).
 */
export async function startHost({ scratch, trusted = true, env = {}, log = () => {} }) {
  assertHostInstalled();
  const dirs = {
    userData: join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
    xdgConfig: join(scratch, 'xdg/config'),
    xdgData: join(scratch, 'xdg/data'),
    bin: join(scratch, 'bin'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const spawnLog = join(scratch, 'spawned-git.log');
  writeFileSync(spawnLog, '');
  writeGitShim(dirs.bin, spawnLog);
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
    // The built-in git extension would call git too and blur the spawn log.
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // code-server saves after a delay by default; the tests decide when a file is saved.
    'files.autoSave': 'off',
    'remote.autoForwardPorts': false,
  }, null, 2));

  const port = await freePort();
  const hostEnv = {
    ...process.env,
    ...env,
    PATH: `${dirs.bin}:${dirname(hostNode)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    GENAI_DEBT_E2E_SPAWN_LOG: spawnLog,
  };
  delete hostEnv.VSCODE_IPC_HOOK_CLI;
  const args = [codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
    // Keep the environment given here: by default the server replaces it (PATH included) with a login shell's.
    '--vscode-option', 'force-disable-user-env',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    ...(trusted ? ['--disable-workspace-trust'] : [])];
  const serverLog = createWriteStream(join(scratch, 'code-server.log'));
  const child = spawn(hostNode, args, { env: hostEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(serverLog);
  child.stderr.pipe(serverLog);
  let exited = false;
  child.once('exit', () => { exited = true; });

  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const gone = new Promise((r) => child.once('exit', r));
    await withTimeout(gone, 5000, 'code-server to stop').catch(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await withTimeout((async () => {
      for (;;) {
        if (exited) throw new Error(`code-server exited early; see ${join(scratch, 'code-server.log')}`);
        const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
        if (ok) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    })(), 60_000, 'code-server to listen');
  } catch (error) {
    await stop();
    throw error;
  }
  log(`code-server on ${base}`);
  return { port, base, dirs, spawnLog, stop, env: hostEnv };
}

/** Installs a packaged .vsix into the host's extensions folder with code-server's own CLI. */
export function installVsix(vsix, dirs) {
  const result = spawnSync(hostNode, [codeServerEntry, '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'],
  { encoding: 'utf8', timeout: 120_000, env: { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData } });
  if (result.status !== 0) throw new Error(`--install-extension failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
}

/** The workbench URL that opens `folder` and runs the extension tests in `testsPath`. */
export function testUrl({ base, port }, { folder, extensionPath, testsPath, environment }) {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
    ['extensionTestsPath', remoteUri(port, testsPath)],
    ['skipWelcome', 'true'],
  ];
  if (environment) payload.push(['extensionEnvironment', JSON.stringify(environment)]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function readLines(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}
