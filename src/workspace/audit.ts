import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, CONFIG_FILE_NAME, defaultConfig, parseConfig, type Config } from '../core/config';
import { Engine, type FileResult } from '../core/engine';
import type { RuleDefinition } from '../core/rule';
import { lockfileFor } from '../languages/manifests';
import { toAuditJson, type AuditJson } from '../report/json';
import { rules as allRules } from '../rules';
import { discoverFiles } from './discovery';
import { auxiliaryReader } from './auxiliary';
import { loadFrontEnds } from './frontends';
import { readRepository } from './git';
import { runPhaseOne } from './pool';

export interface AuditOptions {
  /** A config file; without it, `.genai-debt.json` at the root is used when present. */
  configPath?: string;
  /** Extra include globs (e.g. the paths named on the command line), relative to the root. */
  include?: string[];
  rules?: readonly RuleDefinition[];
  /** Phase 1 cache shared across runs (the extension keeps one). */
  cache?: Map<string, FileResult>;
  onProgress?: (done: number, total: number) => void;
  /**
   * Whether git may be run (tracked files, prompt history). Default true for
   * the CLI; the extension passes false in an untrusted workspace, since a
   * repository's own git config can make git run programs.
   */
  git?: boolean;
  /** Threads for phase 1, this one included (default: one per core for large workspaces; 1 runs everything in this thread). */
  threads?: number;
}

export function loadConfig(root: string, configPath: string | undefined, rules: readonly RuleDefinition[]): Config {
  const path = configPath ? resolve(configPath) : join(root, CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    if (configPath) throw new ConfigError(`config file not found: ${configPath}`);
    return defaultConfig();
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseConfig(text, rules, configPath ?? CONFIG_FILE_NAME);
}

/** Audits a folder (or one file): discovery, phase 1 per file, phase 2 on the merged facts. */
export async function auditWorkspace(root: string, options: AuditOptions = {}): Promise<AuditJson> {
  const started = performance.now();
  const rules = options.rules ?? allRules;
  const absoluteRoot = resolve(root);
  if (!existsSync(absoluteRoot)) throw new ConfigError(`no such file or folder: ${root}`);
  const configRoot = statSync(absoluteRoot).isDirectory() ? absoluteRoot : resolve(absoluteRoot, '..');
  const config = loadConfig(configRoot, options.configPath, rules);
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules, knownRules: allRules, config, cache: options.cache, lockfileFor });
  const include = [...config.include, ...(options.include ?? [])];
  const discovered = await discoverFiles(absoluteRoot, {
    include: include.length ? include : undefined,
    exclude: config.exclude,
    maxFileBytes: config.maxFileBytes,
    accepts: (path) => engine.accepts(path),
  });
  const sources = discovered.files.map((file) => ({ path: file.path, text: file.text }));
  const results = await runPhaseOne(engine, sources, { config, rules, onProgress: options.onProgress, threads: options.threads, shareThisThread: true });
  const texts = new Map(sources.map((file) => [file.path, file.text]));
  const repository = options.git === false || !statSync(absoluteRoot).isDirectory()
    ? null
    : await readRepository(absoluteRoot, { historyFor: results.filter((file) => file.facts.prompts.length > 0).map((file) => file.path) });
  const workspace = engine.analyzeWorkspace(results, new Set(discovered.allPaths), {
    discoverySkipped: discovered.skipped, texts, readText: auxiliaryReader(absoluteRoot), repository,
  });
  return toAuditJson(workspace, performance.now() - started);
}
