import { execFile, spawn } from 'node:child_process';
import type { FileRevision, RepositoryInfo } from '../core/rule';

/**
 * What the audit reads from git: the tracked files and, for the files asked
 * for, their text at successive commits. Uses the real `git` binary, bounded
 * in time and size, and only where the caller allows it: a repository's own
 * config can make git run commands, so the extension never calls this in an
 * untrusted workspace, and every call here switches off the config hooks that
 * run programs (fsmonitor, external diff/textconv, pagers).
 *
 * Cost: four git processes whatever the size of the workspace (rev-parse,
 * ls-files, one log over every file asked for, one cat-file for every revision).
 */
export interface GitOptions {
  /** Files whose history is wanted (POSIX, relative to the root). */
  historyFor: readonly string[];
  /** Revisions read per file (the newest ones). */
  maxRevisions?: number;
  /** Files whose history is read at most. */
  maxFiles?: number;
  /** Budget for all git calls together. */
  timeoutMs?: number;
}

const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.pager=cat', '-c', 'diff.external=', '-c', 'core.hooksPath=/dev/null', '--no-pager'];
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
const MAX_OUTPUT = 64 * 1024 * 1024;

function git(cwd: string, args: string[], timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', [...SAFE_CONFIG, ...args], { cwd, timeout: Math.max(1, timeoutMs), maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: GIT_ENV }, (error, stdout) => {
      resolve(error ? null : stdout);
    });
  });
}

interface Revision {
  commit: string;
  date: string;
}

/**
 * The newest commits that changed each file, newest first, from ONE `git log`
 * over all the files: spawning a process per file costs more than the audit
 * itself in a large workspace (each fork copies a big address space). Renames
 * are not followed: a file's history starts where it got its current name.
 * Paths given and printed are relative to the repository's top.
 */
async function revisionsOf(root: string, topPaths: readonly string[], maxRevisions: number, deadline: number): Promise<Map<string, Revision[]>> {
  const revisions = new Map<string, Revision[]>(topPaths.map((path) => [path, []]));
  if (topPaths.length === 0) return revisions;
  const log = await git(root, ['log', '--format=%x01%H %cI', '--name-only', '--no-renames', '--', ...topPaths.map((path) => `:(top,literal)${path}`)], deadline - Date.now());
  if (!log) return revisions;
  for (const entry of log.split('\x01').slice(1)) {
    const [header, ...names] = entry.split('\n').filter(Boolean);
    const [commit, date] = header.split(' ');
    for (const name of names) {
      const list = revisions.get(name);
      if (list && list.length < maxRevisions) list.push({ commit, date });
    }
  }
  return revisions;
}

/** Reads many `<commit>:<path>` blobs through one `git cat-file --batch`; a missing blob maps to null. */
function readBlobs(root: string, names: readonly string[], deadline: number): Promise<(string | null)[]> {
  return new Promise((resolve) => {
    const child = spawn('git', [...SAFE_CONFIG, 'cat-file', '--batch'], { cwd: root, env: GIT_ENV, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => child.kill(), Math.max(1, deadline - Date.now()));
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) child.kill();
      else chunks.push(chunk);
    });
    child.on('error', () => resolve(names.map(() => null)));
    child.on('close', () => {
      clearTimeout(timer);
      const output = Buffer.concat(chunks);
      const texts: (string | null)[] = [];
      let offset = 0;
      for (let i = 0; i < names.length; i++) {
        const headerEnd = output.indexOf(10, offset);
        if (headerEnd < 0) break;
        const header = output.subarray(offset, headerEnd).toString('utf8');
        const blob = /^[0-9a-f]+ blob (\d+)$/.exec(header);
        if (!blob) {
          texts.push(null);
          offset = headerEnd + 1;
          continue;
        }
        const length = Number(blob[1]);
        texts.push(output.subarray(headerEnd + 1, headerEnd + 1 + length).toString('utf8'));
        offset = headerEnd + 1 + length + 1;
      }
      while (texts.length < names.length) texts.push(null);
      resolve(texts);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(names.map((name) => name + '\n').join(''));
  });
}

/** Reads the repository around `root`; null when it is not in a git work tree or git is missing. */
export async function readRepository(root: string, options: GitOptions): Promise<RepositoryInfo | null> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  // `--show-prefix` fails outside a work tree, and says where the root sits inside one.
  const prefix = await git(root, ['rev-parse', '--show-prefix'], deadline - Date.now());
  if (prefix === null) return null;
  const listed = await git(root, ['ls-files', '-z'], deadline - Date.now());
  if (listed === null) return null;
  const tracked = new Set(listed.split('\0').filter(Boolean));
  const wanted = options.historyFor.filter((path) => tracked.has(path)).slice(0, options.maxFiles ?? 200);
  const top = (path: string) => prefix.trim() + path;
  const revisions = await revisionsOf(root, wanted.map(top), options.maxRevisions ?? 20, deadline);
  const pairs = wanted.flatMap((path) => (revisions.get(top(path)) ?? []).map((revision) => ({ path, revision })));
  const blobs = await readBlobs(root, pairs.map(({ path, revision }) => `${revision.commit}:${top(path)}`), deadline);
  const history = new Map<string, FileRevision[]>(wanted.map((path) => [path, []]));
  pairs.forEach(({ path, revision }, index) => {
    const text = blobs[index];
    if (text !== null) history.get(path)!.push({ commit: revision.commit, date: revision.date, text });
  });
  for (const texts of history.values()) texts.reverse();
  return { tracked, history };
}
