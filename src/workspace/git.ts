import { execFile } from 'node:child_process';
import type { FileRevision, RepositoryInfo } from '../core/rule';

/**
 * What the audit reads from git: the tracked files and, for the files asked
 * for, their text at successive commits. Uses the real `git` binary, bounded
 * in time and size, and only where the caller allows it: a repository's own
 * config can make git run commands, so the extension never calls this in an
 * untrusted workspace, and every call here switches off the config hooks that
 * run programs (fsmonitor, external diff/textconv, pagers).
 */
export interface GitOptions {
  /** Files whose history is wanted (POSIX, relative to the root). */
  historyFor: readonly string[];
  /** Revisions read per file, newest first before reversing. */
  maxRevisions?: number;
  /** Files whose history is read at most. */
  maxFiles?: number;
  /** Budget for all git calls together. */
  timeoutMs?: number;
}

const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.pager=cat', '-c', 'diff.external=', '-c', 'core.hooksPath=/dev/null', '--no-pager'];
const MAX_OUTPUT = 64 * 1024 * 1024;

function git(cwd: string, args: string[], timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', [...SAFE_CONFIG, ...args], { cwd, timeout: Math.max(1, timeoutMs), maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) => {
      resolve(error ? null : stdout);
    });
  });
}

/** History of one file: its text at each commit that changed it, oldest first (renames followed). */
async function fileHistory(root: string, path: string, maxRevisions: number, deadline: number): Promise<FileRevision[]> {
  const log = await git(root, ['log', '--follow', `-n${maxRevisions}`, '--format=%H %cI', '--name-only', '--', path], deadline - Date.now());
  if (!log) return [];
  // Output: "<sha> <date>\n\n<path at that commit>\n" per commit.
  const entries: { commit: string; date: string; path: string }[] = [];
  const lines = log.split('\n').filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([0-9a-f]{40}) (\S+)$/.exec(lines[i]);
    if (match && lines[i + 1] && !/^[0-9a-f]{40} /.test(lines[i + 1])) entries.push({ commit: match[1], date: match[2], path: lines[++i] });
  }
  const revisions: FileRevision[] = [];
  for (const entry of entries.reverse()) {
    if (Date.now() > deadline) break;
    // `git log --name-only` prints paths relative to the repository's top, which is how `<commit>:<path>` reads them.
    const text = await git(root, ['show', `${entry.commit}:${entry.path}`], deadline - Date.now());
    if (text !== null) revisions.push({ commit: entry.commit, date: entry.date, text });
  }
  return revisions;
}

/** Reads the repository around `root`; null when it is not in a git work tree or git is missing. */
export async function readRepository(root: string, options: GitOptions): Promise<RepositoryInfo | null> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree'], deadline - Date.now());
  if (inside?.trim() !== 'true') return null;
  const listed = await git(root, ['ls-files', '-z'], deadline - Date.now());
  if (listed === null) return null;
  const tracked = new Set(listed.split('\0').filter(Boolean));
  const history = new Map<string, FileRevision[]>();
  for (const path of options.historyFor.filter((p) => tracked.has(p)).slice(0, options.maxFiles ?? 200)) {
    if (Date.now() > deadline) break;
    history.set(path, await fileHistory(root, path, options.maxRevisions ?? 20, deadline));
  }
  return { tracked, history };
}
