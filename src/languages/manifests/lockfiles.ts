import { manifestKind } from './paths';
import { isFullyPinnedRequirements } from './requirements';

const lockfileNames: Readonly<Record<'pyproject' | 'pipfile' | 'package-json', readonly string[]>> = {
  pyproject: ['uv.lock', 'poetry.lock', 'pdm.lock', 'pylock.toml'],
  pipfile: ['Pipfile.lock'],
  'package-json': ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'],
};

/**
 * The lockfile that fixes a manifest's versions: in the manifest's folder or a
 * parent folder up to the root (workspaces lock all members at the root).
 * A requirements file locks itself when every requirement is `==`-pinned
 * (pip-compile output); pass its text to let that be checked.
 */
export function lockfileFor(manifestPath: string, allPaths: ReadonlySet<string>, manifestText?: string): string | null {
  const kind = manifestKind(manifestPath);
  if (kind === null) return null;
  if (kind === 'requirements') return manifestText !== undefined && isFullyPinnedRequirements(manifestText) ? manifestPath : null;
  const segments = manifestPath.split('/').slice(0, -1);
  for (let depth = segments.length; depth >= 0; depth--) {
    const folder = segments.slice(0, depth).join('/');
    for (const name of lockfileNames[kind]) {
      const candidate = folder === '' ? name : `${folder}/${name}`;
      if (allPaths.has(candidate)) return candidate;
    }
  }
  return null;
}
