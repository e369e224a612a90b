import { parse as parseToml, TomlError } from 'smol-toml';
import type { Dependency, Location } from '../../core/facts';
import { isGenaiPackage } from '../../catalog/dependencies';
import type { LineIndex } from '../data/text-positions';
import { gitRefPinning, pipenvPinning, poetryPinning, type Pinning } from './pinning';
import { parseRequirement } from './requirement';
import { TomlLocator } from './toml-locator';

type TomlTable = Record<string, unknown>;

export interface TomlManifestResult {
  dependencies: Dependency[];
  syntaxErrors: number;
  skipped?: string;
}

function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function tableAt(root: TomlTable, path: string[]): TomlTable | null {
  let node: unknown = root;
  for (const key of path) node = isTable(node) ? node[key] : undefined;
  return isTable(node) ? node : null;
}

function parse(text: string): { root: TomlTable } | { error: string } {
  try {
    return { root: parseToml(text) as TomlTable };
  } catch (error) {
    if (error instanceof TomlError || error instanceof RangeError) return { error: `invalid TOML: ${error.message.split('\n')[0]}` };
    throw error;
  }
}

function dependency(loc: Location, name: string, spec: string | null, pinning: Pinning): Dependency {
  return { kind: 'dependency', loc, name, ecosystem: 'pypi', spec, pinning, genai: isGenaiPackage(name, 'pypi'), lockfile: null };
}

/**
 * pyproject.toml: PEP 621 `project.dependencies` and optional dependencies,
 * PEP 735 `dependency-groups`, Poetry's dependency tables (main, dev, groups),
 * uv and PDM dev dependencies.
 */
export function pyprojectDependencies(file: string, text: string, lines: LineIndex): TomlManifestResult {
  const parsed = parse(text);
  if ('error' in parsed) return { dependencies: [], syntaxErrors: 1, skipped: parsed.error };
  const root = parsed.root;
  const locator = new TomlLocator(file, text, lines);
  const dependencies: Dependency[] = [];
  const fromList = (tablePath: string[], list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (typeof item !== 'string') continue; // `{include-group = "…"}` names no package.
      const requirement = parseRequirement(item);
      if (!requirement) continue;
      dependencies.push(dependency(locator.stringItem(tablePath, item, requirement.name), requirement.name, requirement.spec, requirement.pinning));
    }
  };
  const fromGroups = (tablePath: string[]) => {
    for (const [group, list] of Object.entries(tableAt(root, tablePath) ?? {})) fromList([...tablePath, group], list);
  };

  fromList(['project'], tableAt(root, ['project'])?.dependencies);
  fromGroups(['project', 'optional-dependencies']);
  fromGroups(['dependency-groups']);
  fromList(['tool', 'uv'], tableAt(root, ['tool', 'uv'])?.['dev-dependencies']);
  fromGroups(['tool', 'pdm', 'dev-dependencies']);

  const poetryTables: string[][] = [['tool', 'poetry', 'dependencies'], ['tool', 'poetry', 'dev-dependencies']];
  for (const group of Object.keys(tableAt(root, ['tool', 'poetry', 'group']) ?? {})) poetryTables.push(['tool', 'poetry', 'group', group, 'dependencies']);
  for (const tablePath of poetryTables) {
    for (const [name, value] of Object.entries(tableAt(root, tablePath) ?? {})) {
      if (name.toLowerCase() === 'python') continue;
      const read = tableDependency(value, poetryPinning);
      if (read) dependencies.push(dependency(locator.keyEntry(tablePath, name), name, read.spec, read.pinning));
    }
  }
  return { dependencies, syntaxErrors: 0 };
}

/** Pipfile: `[packages]` and `[dev-packages]`. */
export function pipfileDependencies(file: string, text: string, lines: LineIndex): TomlManifestResult {
  const parsed = parse(text);
  if ('error' in parsed) return { dependencies: [], syntaxErrors: 1, skipped: parsed.error };
  const locator = new TomlLocator(file, text, lines);
  const dependencies: Dependency[] = [];
  for (const section of ['packages', 'dev-packages']) {
    for (const [name, value] of Object.entries(tableAt(parsed.root, [section]) ?? {})) {
      const read = tableDependency(value, pipenvPinning);
      if (read) dependencies.push(dependency(locator.keyEntry([section], name), name, read.spec, read.pinning));
    }
  }
  return { dependencies, syntaxErrors: 0 };
}

/**
 * A dependency written as a string (`"^1.3"`) or a table (`{version = "^1.3", extras = […]}`,
 * `{git = "…", rev = "…"}`); a list of tables gives per-platform constraints. Local paths are skipped.
 */
function tableDependency(value: unknown, pinningOf: (spec: string | null) => Pinning): { spec: string | null; pinning: Pinning } | null {
  if (typeof value === 'string') return { spec: value, pinning: pinningOf(value) };
  if (Array.isArray(value)) {
    const specs = value.flatMap((item) => (isTable(item) && typeof item.version === 'string' ? [item.version] : []));
    return specs.length > 0 ? { spec: specs.join(' || '), pinning: specs.every((spec) => pinningOf(spec) === 'exact') ? 'exact' : 'range' } : null;
  }
  if (!isTable(value)) return null;
  if (typeof value.path === 'string') return null;
  if (typeof value.version === 'string') return { spec: value.version, pinning: pinningOf(value.version) };
  if (typeof value.git === 'string') {
    const ref = [value.rev, value.tag, value.ref, value.branch].find((candidate): candidate is string => typeof candidate === 'string') ?? null;
    const pinning = typeof value.branch === 'string' && ref === value.branch ? 'none' : gitRefPinning(ref);
    return { spec: ref === null ? value.git : `${value.git}@${ref}`, pinning };
  }
  if (typeof value.url === 'string') return { spec: value.url, pinning: /\.(whl|tar\.gz|zip)$/.test(value.url) ? 'exact' : 'none' };
  return { spec: null, pinning: 'none' };
}
