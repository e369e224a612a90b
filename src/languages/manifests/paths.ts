/** Manifest kinds, by file name. */
export type ManifestKind = 'requirements' | 'pyproject' | 'pipfile' | 'package-json';

export function manifestKind(path: string): ManifestKind | null {
  const segments = path.split('/');
  const name = segments[segments.length - 1];
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'Pipfile') return 'pipfile';
  if (name === 'package.json') return 'package-json';
  // requirements.txt, requirements-dev.txt, dev-requirements.txt, requirements/base.txt
  if (/^([\w.-]*[-_.])?requirements([-_.][\w.-]*)?\.txt$/i.test(name)) return 'requirements';
  if (/\.txt$/i.test(name) && segments.length > 1 && /^requirements$/i.test(segments[segments.length - 2])) return 'requirements';
  return null;
}
