import type { FileFacts, Location } from './facts';
import type { Family, Fix, RelatedLocation, Severity } from './finding';
import type { Directive } from './suppressions';
import type { ModelCatalog } from '../catalog/models';

export interface OptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: number | string | boolean | string[];
  description: string;
}

/** Rule documentation in Ruff's form; the docs page and `genai-debt rule <code>` are generated from it. */
export interface RuleDocs {
  whatItDoes: string;
  whyIsThisBad: string;
  /** Code that triggers the rule; `path` decides the language (a test checks that it triggers). */
  example: { path: string; code: string };
  /** The same code without the debt (a test checks that it does not trigger). */
  useInstead: { path: string; code: string };
  fixSafety: string;
  references: { title: string; url: string }[];
}

/** What a rule reports: the engine fills name, family, severity, message and fingerprint. */
export interface Report {
  loc: Location;
  messageId: string;
  data?: Record<string, string | number>;
  impact?: { tokens: number; costPer1kCalls: number | null };
  related?: RelatedLocation[];
  fix?: Fix | null;
  /** A finding graver (or lighter) than the rule's default, e.g. a retired model; applies unless the config sets the rule's severity. */
  severity?: Severity;
}

export interface FileContext {
  path: string;
  text: string;
  facts: FileFacts;
  options: Record<string, unknown>;
  /** The model catalog with the config's `catalog` overrides; absent means the built-in one. */
  catalog?: ModelCatalog;
}

export interface FileRevision {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  text: string;
}

/** What the workspace layer read from git; absent without git, outside a repository, or in an untrusted workspace. */
export interface RepositoryInfo {
  /** Files git tracks (POSIX, relative to the audit root). */
  tracked: ReadonlySet<string>;
  /** For the files asked for (those holding prompts): their text at each commit that changed them, oldest first. */
  history: ReadonlyMap<string, FileRevision[]>;
}

export interface WorkspaceContext {
  /** Facts of every analysed file, merged. */
  facts: FileFacts;
  /** Every path the workspace holds (including files that were not analysed, e.g. lock files, model weights). */
  allPaths: ReadonlySet<string>;
  /** Text of every analysed file. */
  texts: ReadonlyMap<string, string>;
  /** Reads a small file of the workspace that was not analysed (`.gitattributes`, `*.dvc`, an LFS pointer); null if absent or unreadable. */
  readText: (path: string) => string | null;
  repository: RepositoryInfo | null;
  options: Record<string, unknown>;
  /** The model catalog with the config's `catalog` overrides; absent means the built-in one. */
  catalog?: ModelCatalog;
  /**
   * The paths of the workspace for which `answer` (of the path alone) is not null, with the answers.
   * Remembered under `question` (name it after the rule, and after anything else the answer depends
   * on): the next phase 2 asks again only about paths added or removed since. In no set order.
   */
  pathsWhere<T>(question: string, answer: (path: string) => T | null): ReadonlyMap<string, T>;
  /** The same for the analysed files, by path and text: asked again only about files whose text changed. */
  textsWhere<T>(question: string, answer: (path: string, text: string) => T | null): ReadonlyMap<string, T>;
}

/** What ledger rules see: every directive with how many findings it acknowledged. */
export interface LedgerContext {
  directives: { directive: Directive; acknowledged: number }[];
  /** Whether a code or name is a rule of the registry. */
  isKnownRule: (codeOrName: string) => boolean;
  /** Whether a code or name is a rule that ran in this audit (a directive for a rule switched off is not stale). */
  isActiveRule: (codeOrName: string) => boolean;
  options: Record<string, unknown>;
}

export interface RuleDefinition {
  code: string;
  name: string;
  family: Family;
  severity: Severity;
  status: 'preview' | 'stable';
  since: string;
  fix: 'none' | 'safe' | 'unsafe';
  options: Record<string, OptionSpec>;
  messages: Record<string, string>;
  docs: RuleDocs;
  /** Phase 1: per file, pure. */
  checkFile?: (context: FileContext) => Report[];
  /** Phase 2: on the merged facts of the workspace. */
  checkWorkspace?: (context: WorkspaceContext) => Report[];
  /** After every other rule: checks the ledger directives themselves. */
  checkLedger?: (context: LedgerContext) => Report[];
}

const CODE = /^GD\d{3}$/;
const KEBAB = /^[a-z]+(?:-[a-z]+)*$/;

export function defineRule(rule: RuleDefinition): RuleDefinition {
  if (!CODE.test(rule.code)) throw new Error(`rule code ${rule.code} is not of the form GDnnn`);
  if (!KEBAB.test(rule.name)) throw new Error(`rule name ${rule.name} is not kebab-case`);
  if (!rule.checkFile && !rule.checkWorkspace && !rule.checkLedger) throw new Error(`rule ${rule.code} checks nothing`);
  return rule;
}

/** Fills `{placeholder}`s of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function optionDefaults(rule: RuleDefinition): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rule.options).map(([name, spec]) => [name, spec.default]));
}
