/** How firmly a version constraint pins a dependency, per ecosystem. */
export type Pinning = 'exact' | 'range' | 'none';

/** PEP 440 specifiers: `==1.2.3` and `===1.2.3` pin; `==1.*`, `>=`, `~=`, several clauses are ranges. */
export function pythonPinning(spec: string | null): Pinning {
  if (spec === null) return 'none';
  const clauses = spec.split(',').map((clause) => clause.trim()).filter((clause) => clause !== '');
  if (clauses.length === 0) return 'none';
  if (clauses.length === 1 && /^===?\s*[^*\s]+$/.test(clauses[0])) return 'exact';
  return 'range';
}

/** Poetry: a bare `1.2.3` pins exactly; `^`, `~`, comparisons are ranges; `*` is none. */
export function poetryPinning(spec: string | null): Pinning {
  if (spec === null) return 'none';
  const trimmed = spec.trim();
  if (trimmed === '' || trimmed === '*') return 'none';
  if (/^\d[\w.+-]*$/.test(trimmed) && !trimmed.includes('*')) return 'exact';
  return pythonPinning(trimmed);
}

/** Pipenv: `*` is none, otherwise PEP 440. */
export function pipenvPinning(spec: string | null): Pinning {
  return spec === null || spec.trim() === '*' || spec.trim() === '' ? 'none' : pythonPinning(spec);
}

/** npm semver ranges: `1.2.3`, `=1.2.3`, `v1.2.3-beta.1` pin; `^`, `~`, `1.x`, `1.2`, `>=`, `||` are ranges; `*`, `latest`, `""`, `x`, dist-tags are none. */
export function npmPinning(spec: string): Pinning {
  const trimmed = spec.trim();
  if (/^(\*|x|X|latest|)$/.test(trimmed)) return 'none';
  if (trimmed.startsWith('npm:')) return npmPinning(trimmed.slice(trimmed.lastIndexOf('@') + 1));
  if (trimmed.startsWith('catalog:')) return 'range';
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|https?:)|^[\w.-]+\/[\w.-]+(#|$)/.test(trimmed)) return gitRefPinning(trimmed.split('#')[1] ?? null);
  if (/^[=v]*\d+\.\d+\.\d+(-[\w.]+)?(\+[\w.]+)?$/.test(trimmed)) return 'exact';
  if (/^[\^~<>=]|\d|\|\||\s-\s/.test(trimmed)) return 'range';
  return 'none';
}

/** A git reference: a commit hash or a version tag pins; a branch or nothing does not. */
export function gitRefPinning(ref: string | null): Pinning {
  if (ref === null || ref === '') return 'none';
  const clean = ref.replace(/^semver:/, '');
  if (/^[0-9a-f]{7,40}$/i.test(clean) || /^v?\d+(\.\d+)+([-.][\w.]+)?$/.test(clean)) return 'exact';
  if (ref.startsWith('semver:')) return 'range';
  return 'none';
}
