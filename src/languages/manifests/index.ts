import { emptyFacts, type Dependency } from '../../core/facts';
import type { ExtractResult, FrontEnd, SourceFile } from '../../core/frontend';
import { LineIndex } from '../data/text-positions';
import { packageJsonDependencies } from './package-json';
import { manifestKind } from './paths';
import { requirementsDependencies } from './requirements';
import { pipfileDependencies, pyprojectDependencies } from './toml-manifests';

export { lockfileFor } from './lockfiles';

/** The manifest front-end: dependencies of requirements files, pyproject.toml, Pipfile and package.json. */
export function createManifestFrontEnd(): FrontEnd {
  return {
    id: 'manifests',
    language: 'manifest',
    accepts: (path) => manifestKind(path) !== null,
    extract,
  };
}

function extract(file: SourceFile): ExtractResult {
  const facts = emptyFacts();
  const lines = new LineIndex(file.text);
  const kind = manifestKind(file.path);
  let result: { dependencies: Dependency[]; syntaxErrors: number; skipped?: string } | null;
  try {
    result =
      kind === 'requirements' ? requirementsDependencies(file.path, file.text)
      : kind === 'pyproject' ? pyprojectDependencies(file.path, file.text, lines)
      : kind === 'pipfile' ? pipfileDependencies(file.path, file.text, lines)
      : kind === 'package-json' ? packageJsonDependencies(file.path, file.text, lines)
      : null;
  } catch (error) {
    // The JSON and TOML parsers recurse: absurd nesting overflows the stack.
    if (error instanceof RangeError) return { facts, syntaxErrors: 0, skipped: 'nesting too deep to parse' };
    throw error;
  }
  if (result === null) return { facts, syntaxErrors: 0, skipped: 'not a dependency manifest' };
  facts.dependencies.push(...result.dependencies);
  return result.skipped ? { facts, syntaxErrors: result.syntaxErrors, skipped: result.skipped } : { facts, syntaxErrors: result.syntaxErrors };
}
