import * as vscode from 'vscode';
import { Minimatch } from 'minimatch';
import { DEFAULT_EXCLUDED_FOLDERS, type DiscoveryResult } from '../workspace/discovery';
import { decodeText } from '../workspace/text';

const MAX_FILES = 20_000;

/**
 * Discovery for virtual workspaces (vscode.dev, remote file systems): walks the
 * folder through `workspace.fs` only. No .gitignore layers and no git: a small
 * path that keeps the analysis working where there is no local disk.
 */
export async function discoverVirtualFiles(
  root: vscode.Uri,
  options: { include: string[]; exclude: string[]; maxFileBytes: number; accepts: (path: string) => boolean },
): Promise<DiscoveryResult> {
  const globs = (patterns: string[]) => patterns.map((pattern) => new Minimatch(pattern.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true }));
  const include = globs(options.include);
  const exclude = globs(options.exclude);
  const matches = (list: Minimatch[], rel: string) => list.some((glob) => glob.match(rel) || glob.match(`${rel}/`));
  const result: DiscoveryResult = { files: [], skipped: [], allPaths: [] };
  const pending: string[] = [''];
  while (pending.length && result.allPaths.length < MAX_FILES) {
    const rel = pending.pop()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(rel ? vscode.Uri.joinPath(root, rel) : root);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      const path = rel ? `${rel}/${name}` : name;
      if (type & vscode.FileType.SymbolicLink) continue;
      if (type & vscode.FileType.Directory) {
        if (!DEFAULT_EXCLUDED_FOLDERS.has(name) && !matches(exclude, path)) pending.push(path);
        continue;
      }
      if (matches(exclude, path)) continue;
      result.allPaths.push(path);
      if (include.length && !include.some((glob) => glob.match(path) || path.startsWith(`${glob.pattern}/`))) continue;
      if (!options.accepts(path)) continue;
      const uri = vscode.Uri.joinPath(root, path);
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > options.maxFileBytes) {
          result.skipped.push({ file: path, reason: `larger than ${options.maxFileBytes} bytes` });
          continue;
        }
        const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
        if ('text' in decoded) result.files.push({ path, abs: uri.toString(), text: decoded.text });
        else result.skipped.push({ file: path, reason: decoded.reason });
      } catch (error) {
        result.skipped.push({ file: path, reason: `unreadable: ${(error as Error).message}` });
      }
    }
  }
  result.files.sort((a, b) => a.path.localeCompare(b.path));
  result.allPaths.sort();
  return result;
}
