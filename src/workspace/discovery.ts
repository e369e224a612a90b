import type { Dirent, Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import { decodeText } from './text';

export interface DiscoveryOptions {
  /** Globs (relative to the root): only matching files are audited. A pattern naming a folder covers what is inside. */
  include?: string[];
  /** Globs (relative to the root) of files or folders to leave out. */
  exclude?: string[];
  /** Files above this size are skipped; default 5 MB. */
  maxFileBytes?: number;
  /** Whether some front-end reads this path (decided by path alone). */
  accepts: (relPath: string) => boolean;
}

export interface DiscoveredFile {
  /** POSIX path relative to the root. */
  path: string;
  abs: string;
  text: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  skipped: { file: string; reason: string }[];
  /** Every file the walk saw that no ignore rule removed (lockfiles included), for workspace-level checks. */
  allPaths: string[];
}

const defaultMaxFileBytes = 5 * 1024 * 1024;
const readConcurrency = 16;

/** Folders that hold dependencies, caches, build output or VCS data, never the application's own sources. */
export const DEFAULT_EXCLUDED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.tox', '.nox',
  'dist', 'build', 'out', '.next', '.nuxt', '.turbo', 'site-packages', '.ipynb_checkpoints', 'coverage', '.genai-debt-cache',
]);

/** Ignore files read at every level, relative to their folder. */
const ignoreFileNames = ['.gitignore', '.genai-debtignore'];

interface IgnoreLayer {
  /** Folder (relative to the root, '' for the root) the ignore file sits in. */
  base: string;
  matcher: Ignore;
}

interface FolderVisit {
  abs: string;
  rel: string;
  layers: IgnoreLayer[];
}

interface Candidate {
  path: string;
  abs: string;
  /** Set when the entry cannot be read as a file: the reason is known before reading. */
  problem?: string;
}

/** What `python -m venv` writes beside `pyvenv.cfg` (POSIX and Windows layouts). */
const VENV_FOLDERS = new Set(['bin', 'lib', 'lib64', 'include', 'share', 'Lib', 'Scripts', 'Include', 'etc']);

/**
 * Finds the files to audit under `root`: honours .gitignore files at every
 * level, the default excludes and the configured globs; follows symbolic
 * links only inside the root and visits each real folder once (no loops);
 * then reads accepted files in parallel, skipping with a reason what is too
 * large, binary, not text in an encoding we read, or unreadable.
 */
export async function discoverFiles(root: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const rootReal = await realpath(root);
  const rootStats = await stat(rootReal);
  const maxBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  if (!rootStats.isDirectory()) {
    const path = basename(root);
    const result: DiscoveryResult = { files: [], skipped: [], allPaths: [path] };
    if (!options.accepts(path)) result.skipped.push({ file: path, reason: 'no front-end reads this file type' });
    else await readCandidates([{ path, abs: rootReal }], maxBytes, result);
    return result;
  }

  const include = compileGlobs(options.include);
  const exclude = compileGlobs(options.exclude);
  const result: DiscoveryResult = { files: [], skipped: [], allPaths: [] };
  const candidates: Candidate[] = [];
  const visitedFolders = new Set<string>([rootReal]);
  const visitedFiles = new Set<string>();
  const queue: FolderVisit[] = [{ abs: rootReal, rel: '', layers: [] }];
  // Linked folders and files wait until the real tree is walked, so a file is reported under its real path when both exist.
  const linkedFolders: FolderVisit[] = [];
  const linkedFiles: Candidate[] = [];

  while (queue.length > 0 || linkedFolders.length > 0) {
    const folder = queue.length > 0 ? queue.shift()! : linkedFolders.shift()!;
    if (folder.rel !== '') {
      if (visitedFolders.has(folder.abs)) continue;
      visitedFolders.add(folder.abs);
    }
    let entries: Dirent[];
    try {
      entries = (await readdir(folder.abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      result.skipped.push({ file: folder.rel || '.', reason: `unreadable folder (${errorCode(error)})` });
      continue;
    }
    // A virtual environment under any name (`env`, `.py311`) holds installed packages in its own
    // folders; a venv made in the project folder itself (`python -m venv .`) sits beside the project's code.
    const venvRoot = entries.some((entry) => entry.name === 'pyvenv.cfg');
    const layers = await withIgnoreFiles(folder, entries);

    for (const entry of entries) {
      const rel = folder.rel === '' ? entry.name : `${folder.rel}/${entry.name}`;
      let abs = join(folder.abs, entry.name);
      let kind: 'folder' | 'file' | 'broken' = entry.isDirectory() ? 'folder' : 'file';
      const linked = entry.isSymbolicLink();
      if (linked) {
        const target = await resolveLink(abs, rootReal);
        if (target === 'outside') continue;
        if (target === 'broken') kind = 'broken';
        else {
          abs = target.real;
          kind = target.stats.isDirectory() ? 'folder' : 'file';
        }
      }
      if (kind === 'folder') {
        if (DEFAULT_EXCLUDED_FOLDERS.has(entry.name) || (venvRoot && VENV_FOLDERS.has(entry.name)) || isIgnored(layers, rel, true) || matchesAny(exclude, rel)) continue;
        (linked ? linkedFolders : queue).push({ abs, rel, layers });
        continue;
      }
      if (isIgnored(layers, rel, false)) continue;
      result.allPaths.push(rel);
      if (matchesAny(exclude, rel) || (include.length > 0 && !matchesAny(include, rel)) || !options.accepts(rel)) continue;
      if (kind === 'broken') {
        candidates.push({ path: rel, abs, problem: 'broken symbolic link' });
        continue;
      }
      if (linked) linkedFiles.push({ path: rel, abs });
      else {
        visitedFiles.add(abs);
        candidates.push({ path: rel, abs });
      }
    }
  }
  for (const link of linkedFiles) {
    if (visitedFiles.has(link.abs)) continue;
    visitedFiles.add(link.abs);
    candidates.push(link);
  }

  await readCandidates(candidates, maxBytes, result);
  result.files.sort((a, b) => (a.path < b.path ? -1 : 1));
  result.skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return result;
}

async function withIgnoreFiles(folder: { abs: string; rel: string; layers: IgnoreLayer[] }, entries: Dirent[]): Promise<IgnoreLayer[]> {
  const present = entries.filter((entry) => ignoreFileNames.includes(entry.name) && !entry.isDirectory());
  if (present.length === 0) return folder.layers;
  const matcher = ignore();
  for (const entry of present) {
    try {
      matcher.add(await readFile(join(folder.abs, entry.name), 'utf8'));
    } catch {
      // An unreadable ignore file ignores nothing; the walk goes on.
    }
  }
  return [...folder.layers, { base: folder.rel, matcher }];
}

/** Git's order: the deepest ignore file with an opinion (a pattern or a `!` negation) decides. */
function isIgnored(layers: IgnoreLayer[], rel: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const local = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
    const verdict = layer.matcher.test(isFolder ? `${local}/` : local);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

async function resolveLink(abs: string, rootReal: string): Promise<'outside' | 'broken' | { real: string; stats: Stats }> {
  try {
    const real = await realpath(abs);
    const fromRoot = relative(rootReal, real);
    if (fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || /^[a-zA-Z]:/.test(fromRoot) || fromRoot.startsWith(sep)) return 'outside';
    return { real, stats: await stat(real) };
  } catch {
    return 'broken';
  }
}

function compileGlobs(patterns: string[] | undefined): Minimatch[] {
  return (patterns ?? []).map((pattern) => new Minimatch(pattern.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true }));
}

/** A path matches when it, or a folder it is in, matches a pattern (`legacy` covers `legacy/a.py`). */
function matchesAny(globs: Minimatch[], rel: string): boolean {
  if (globs.length === 0) return false;
  const segments = rel.split('/');
  for (let length = segments.length; length > 0; length--) {
    const prefix = segments.slice(0, length).join('/');
    if (globs.some((glob) => glob.match(prefix))) return true;
  }
  return false;
}

async function readCandidates(candidates: Candidate[], maxBytes: number, result: DiscoveryResult): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const candidate = candidates[next++];
      const outcome = await readCandidate(candidate, maxBytes);
      if ('text' in outcome) result.files.push({ path: candidate.path, abs: candidate.abs, text: outcome.text });
      else result.skipped.push({ file: candidate.path, reason: outcome.reason });
    }
  };
  await Promise.all(Array.from({ length: Math.min(readConcurrency, candidates.length) }, worker));
}

async function readCandidate(candidate: Candidate, maxBytes: number): Promise<{ text: string } | { reason: string }> {
  if (candidate.problem) return { reason: candidate.problem };
  try {
    const stats = await stat(candidate.abs);
    // Reading a FIFO would block forever; devices and sockets are not source files either.
    if (!stats.isFile()) return { reason: `not a regular file (${specialFileKind(stats)})` };
    if (stats.size > maxBytes) return { reason: `too large (${formatSize(stats.size)} > ${formatSize(maxBytes)})` };
    return decodeText(await readFile(candidate.abs));
  } catch (error) {
    return { reason: `unreadable (${errorCode(error)})` };
  }
}

function specialFileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'directory';
}

function formatSize(bytes: number): string {
  const units: [number, string][] = [[1024 * 1024, 'MB'], [1024, 'KB']];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} B`;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
