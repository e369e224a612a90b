import { gitRefPinning, pythonPinning, type Pinning } from './pinning';

export interface ParsedRequirement {
  name: string;
  spec: string | null;
  pinning: Pinning;
}

const namePattern = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*/;

/**
 * One PEP 508 requirement (`pkg[extra]>=1.0 ; python_version < "3.9"`,
 * `pkg @ git+https://…@v1.2`). The spec keeps the version clauses as written,
 * without extras or markers. Null when the text names no package.
 */
export function parseRequirement(text: string): ParsedRequirement | null {
  const withoutMarker = text.split(';')[0].trim();
  const match = namePattern.exec(withoutMarker);
  if (!match) return null;
  const name = match[1];
  const rest = withoutMarker.slice(match[0].length).trim();
  if (rest.startsWith('@')) {
    const url = rest.slice(1).trim();
    return { name, spec: url, pinning: directReferencePinning(url) };
  }
  const spec = rest.replace(/^\((.*)\)$/, '$1').trim();
  if (spec !== '' && !/^[<>=!~]/.test(spec)) return null;
  return { name, spec: spec === '' ? null : spec, pinning: pythonPinning(spec === '' ? null : spec) };
}

/** A URL requirement: a wheel/sdist file carries its version; a VCS URL pins by its `@ref`. */
export function directReferencePinning(url: string): 'exact' | 'range' | 'none' {
  const path = url.split('#')[0];
  if (/\.(whl|tar\.gz|zip)$/i.test(path)) return 'exact';
  const vcs = /^(git|hg|svn|bzr)\+.+?@([^@/]+)$/.exec(path);
  return gitRefPinning(vcs ? vcs[2] : null);
}

/** The package name of an editable or URL requirement (`#egg=name`). */
export function eggName(url: string): string | null {
  const match = /#(?:.*&)?egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url);
  return match ? match[1] : null;
}
