import { emptyFacts, type Fact, type FileFacts, type LlmCall, type Location } from './facts';
import type { Finding } from './finding';
import type { ExtractOptions, FrontEnd, SourceFile } from './frontend';
import type { Config } from './config';
import { defaultConfig } from './config';
import { formatMessage, optionDefaults, type Report, type RepositoryInfo, type RuleDefinition } from './rule';
import { stableHash } from './hash';
import { groupBy } from './group';
import { changedSpan, positionAt } from './lines';
import { computeCoverage, type Coverage } from './coverage';
import { FileQuestions } from './file-questions';
import { ModelCatalog } from '../catalog/models';
import { promptTokenCount } from '../catalog/tokens';
import { applyDirectives, parseDirectives, type Directive } from './suppressions';

export interface SkippedFile {
  file: string;
  reason: string;
}

/** Phase 1 result for one file: pure function of (path, text, rules, config). */
export interface FileResult {
  path: string;
  facts: FileFacts;
  findings: Finding[];
  /** Ledger directives in the file's comments. */
  directives: Directive[];
  syntaxErrors: number;
  skipped?: string;
}

export interface WorkspaceResult {
  files: FileResult[];
  facts: FileFacts;
  findings: Finding[];
  coverage: Map<LlmCall, Coverage>;
  skipped: SkippedFile[];
  /** The model catalog the rules used (built-in rows + config overrides), for the inventory's model status. */
  catalog: ModelCatalog;
}

interface ActiveRule {
  rule: RuleDefinition;
  severity: Finding['severity'];
  options: Record<string, unknown>;
}

/** What phase 2 may know of the workspace beyond the facts. */
export interface WorkspaceInputs {
  discoverySkipped?: readonly SkippedFile[];
  texts?: ReadonlyMap<string, string>;
  readText?: (path: string) => string | null;
  repository?: RepositoryInfo | null;
}

/** Versions of one file a phase 1 cache keeps: the current text and a few before it (undo, a revert). */
const VERSIONS_PER_FILE = 4;
/** The keys each cache holds per file, oldest first; one index per cache, whichever engines share it. */
const cachedVersions = new WeakMap<Map<string, FileResult>, Map<string, string[]>>();

export interface EngineOptions {
  frontEnds: readonly FrontEnd[];
  rules: readonly RuleDefinition[];
  config?: Config;
  /** Phase 1 results, keyed by path + rule settings + content hash; share one map across runs to re-analyse only what changed. */
  cache?: Map<string, FileResult>;
  /** Every rule of the registry, for telling a directive's unknown rule from one that is merely not running. Default: `rules`. */
  knownRules?: readonly RuleDefinition[];
  /** Fills `Dependency.lockfile` in phase 2. */
  lockfileFor?: (manifestPath: string, allPaths: ReadonlySet<string>, manifestText?: string) => string | null;
}

/**
 * The two-phase engine. Phase 1 (`analyzeFile`) is per file and pure, so it
 * can run in a worker and be cached by content hash; phase 2 (`analyzeWorkspace`)
 * runs on the merged facts of every file.
 */
export class Engine {
  private readonly active: ActiveRule[];
  /** Rules checked in phase 1: what a file's own analysis decides. */
  private readonly fileRuleCodes: ReadonlySet<string>;
  private readonly cache: Map<string, FileResult>;
  private readonly configKey: string;
  private readonly catalog: ModelCatalog;
  private lastMerge: { parts: readonly FileFacts[]; merged: FileFacts } | undefined;
  private readonly questions = new FileQuestions();
  private readonly lines = new Map<string, { text: string; lines: readonly string[] }>();

  constructor(private readonly options: EngineOptions) {
    const config = options.config ?? defaultConfig();
    this.active = options.rules.flatMap((rule) => {
      const setting = config.rules[rule.code];
      if (setting && !setting.enabled) return [];
      return [{ rule, severity: setting?.severity ?? rule.severity, options: { ...optionDefaults(rule), ...(setting?.options ?? {}) } }];
    });
    this.fileRuleCodes = new Set(this.active.filter(({ rule }) => rule.checkFile).map(({ rule }) => rule.code));
    this.cache = options.cache ?? new Map();
    this.catalog = new ModelCatalog(config.catalog);
    this.configKey = stableHash(JSON.stringify(config.rules) + JSON.stringify(config.catalog ?? null));
  }

  frontEndFor(path: string): FrontEnd | undefined {
    return this.options.frontEnds.find((frontEnd) => frontEnd.accepts(path));
  }

  accepts(path: string): boolean {
    return this.frontEndFor(path) !== undefined;
  }

  /**
   * The findings of one file right after its phase 1, before phase 2 has run again: its own
   * per-file findings (acknowledged by its directives), with the workspace and ledger findings
   * the last phase 2 placed in it. The editor shows these first; phase 2 then corrects them.
   */
  provisionalFindings(file: FileResult, previous: readonly Finding[], edit?: { before: string; after: string }): Finding[] {
    applyDirectives(file.findings, new Map([[file.path, file.directives]]));
    const kept = previous.filter((finding) => !this.fileRuleCodes.has(finding.rule));
    return [...file.findings, ...(edit ? movedByEdit(kept, edit.before, edit.after) : kept)].sort(compareFindings);
  }

  analyzeFile(source: SourceFile, options?: ExtractOptions): FileResult {
    const key = this.cacheKey(source);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.analyzeUncached(source, options);
    this.remember(key, result);
    return result;
  }

  /** The phase 1 cache key of a text: its path, the rule settings and a hash of the text (hashing is the costly part: compute it once). */
  cacheKey(source: SourceFile): string {
    return `${source.path}\0${this.configKey}\0${stableHash(source.text)}`;
  }

  /** The phase 1 result for this exact text, if an earlier run (here or in a worker) computed it. */
  cachedResult(key: string): FileResult | undefined {
    return this.cache.get(key);
  }

  /**
   * Records a phase 1 result (computed here, or elsewhere by a worker running the same rules and
   * config). Each file keeps its last few versions only: typing makes a new text at every pause.
   */
  remember(key: string, result: FileResult): void {
    this.cache.set(key, result);
    let versions = cachedVersions.get(this.cache);
    if (!versions) cachedVersions.set(this.cache, (versions = new Map()));
    const kept = [...(versions.get(result.path) ?? []).filter((other) => other !== key), key];
    for (const old of kept.splice(0, Math.max(0, kept.length - VERSIONS_PER_FILE))) this.cache.delete(old);
    versions.set(result.path, kept);
  }

  /** Phase 1 without the cache: what a worker thread runs. */
  analyzeUncached(source: SourceFile, options?: ExtractOptions): FileResult {
    const directives = parseDirectives(source.path, source.text);
    if (directives.some((directive) => directive.kind === 'ignore-file')) {
      return { path: source.path, facts: emptyFacts(), findings: [], directives: [], syntaxErrors: 0, skipped: 'genai-debt: ignore-file directive' };
    }
    const frontEnd = this.frontEndFor(source.path);
    if (!frontEnd) return { path: source.path, facts: emptyFacts(), findings: [], directives: [], syntaxErrors: 0, skipped: 'no analyzer for this file type' };
    let extracted;
    try {
      extracted = frontEnd.extract(source, options);
    } catch (error) {
      // A front-end bug must cost one file, never the audit.
      const reason = error instanceof RangeError ? 'too deeply nested to analyse' : `analyzer error: ${(error as Error).message}`;
      return { path: source.path, facts: emptyFacts(), findings: [], directives: [], syntaxErrors: 0, skipped: reason };
    }
    if (extracted.skipped) return { path: source.path, facts: emptyFacts(), findings: [], directives: [], syntaxErrors: extracted.syntaxErrors, skipped: extracted.skipped };
    const findings: Finding[] = [];
    for (const { rule, severity, options } of this.active) {
      if (!rule.checkFile) continue;
      const reports = rule.checkFile({ path: source.path, text: source.text, facts: extracted.facts, options, catalog: this.catalog });
      findings.push(...reports.map((report) => toFinding(rule, severity, report)));
    }
    assignFingerprints(findings, source.text.split('\n'));
    // Counted here, where phase 1 runs: the counts travel with the facts.
    for (const prompt of extracted.facts.prompts) promptTokenCount(prompt);
    return { path: source.path, facts: extracted.facts, findings, directives, syntaxErrors: extracted.syntaxErrors };
  }

  analyzeWorkspace(files: readonly FileResult[], allPaths: ReadonlySet<string>, workspace: WorkspaceInputs = {}): WorkspaceResult {
    const { discoverySkipped = [], texts = new Map<string, string>(), readText = () => null, repository = null } = workspace;
    const findings: Finding[] = [];
    const skipped: SkippedFile[] = [...discoverySkipped];
    const parts: FileFacts[] = [];
    for (const file of files) {
      if (file.skipped) {
        skipped.push({ file: file.path, reason: file.skipped });
        continue;
      }
      parts.push(file.facts);
      findings.push(...file.findings);
    }
    const facts = this.merge(parts);
    if (this.options.lockfileFor) {
      for (const dependency of facts.dependencies) dependency.lockfile = this.options.lockfileFor(dependency.loc.file, allPaths, texts.get(dependency.loc.file));
    }
    const coverage = computeCoverage(facts);
    this.questions.refresh(texts, allPaths);
    const pathsWhere = <T>(question: string, answer: (path: string) => T | null) => this.questions.pathsWhere(question, answer, allPaths);
    const textsWhere = <T>(question: string, answer: (path: string, text: string) => T | null) => this.questions.textsWhere(question, answer, texts);
    const workspaceFindings: Finding[] = [];
    for (const { rule, severity, options } of this.active) {
      if (!rule.checkWorkspace) continue;
      const reports = rule.checkWorkspace({ facts, allPaths, texts, readText, repository, options, catalog: this.catalog, pathsWhere, textsWhere });
      workspaceFindings.push(...reports.map((report) => toFinding(rule, severity, report)));
    }
    // Workspace findings are fingerprinted per file, like file findings.
    for (const [file, group] of groupBy(workspaceFindings, (finding) => finding.loc.file)) {
      assignFingerprints(group, this.linesOfFile(file, texts.get(file) ?? ''));
    }
    findings.push(...workspaceFindings);
    const ledgerFindings = this.checkLedger(files, findings);
    for (const [file, group] of groupBy(ledgerFindings, (finding) => finding.loc.file)) assignFingerprints(group, this.linesOfFile(file, texts.get(file) ?? ''));
    findings.push(...ledgerFindings);
    findings.sort(compareFindings);
    skipped.sort((a, b) => a.file.localeCompare(b.file));
    return { files: [...files], facts, findings, coverage, skipped, catalog: this.catalog };
  }

  /** The lines of a file's text, kept per file: phase 2 fingerprints the workspace findings of the same unchanged files after every edit. */
  private linesOfFile(path: string, text: string): readonly string[] {
    const known = this.lines.get(path);
    if (known?.text === text) return known.lines;
    const lines = text.split('\n');
    this.lines.set(path, { text, lines });
    return lines;
  }

  /**
   * Every file's facts in one. After an edit only the edited file's facts are new objects: a kind
   * whose lists did not change keeps the list of the last merge (the same array, which also tells
   * phase 2's memos that nothing of that kind changed).
   */
  private merge(parts: readonly FileFacts[]): FileFacts {
    const last = this.lastMerge;
    const changed = last && last.parts.length === parts.length ? parts.flatMap((part, index) => (part === last.parts[index] ? [] : [index])) : null;
    const merged = emptyFacts();
    for (const kind of Object.keys(merged) as (keyof FileFacts)[]) {
      if (!last || !changed) {
        const list = merged[kind] as Fact[];
        // A cached result from before a fact kind existed has no list for it.
        for (const part of parts) if (part[kind]?.length) list.push(...(part[kind] as Fact[]));
      } else if (changed.every((index) => sameList(last.parts[index][kind], parts[index][kind]))) {
        (merged[kind] as Fact[]) = last.merged[kind];
      } else {
        (merged[kind] as Fact[]) = spliced(last.merged[kind], kind, last.parts, parts, changed);
      }
    }
    this.lastMerge = { parts, merged };
    return merged;
  }

  /** Applies the directives to the findings, then runs the ledger rules on the directives. */
  private checkLedger(files: readonly FileResult[], findings: readonly Finding[]): Finding[] {
    const byFile = new Map(files.filter((file) => file.directives.length).map((file) => [file.path, file.directives]));
    const acknowledged = applyDirectives(findings, byFile);
    const known = this.options.knownRules ?? this.options.rules;
    const matches = (list: readonly { code: string; name: string }[]) => (id: string) => list.some((rule) => rule.code === id || rule.name === id);
    const ledgerFindings: Finding[] = [];
    for (const { rule, severity, options } of this.active) {
      if (!rule.checkLedger) continue;
      const reports = rule.checkLedger({
        directives: [...acknowledged].map(([directive, count]) => ({ directive, acknowledged: count })),
        isKnownRule: matches(known),
        isActiveRule: matches(this.active.map((active) => active.rule)),
        options,
      });
      ledgerFindings.push(...reports.map((report) => toFinding(rule, severity, report)));
    }
    return ledgerFindings;
  }
}

/** The last merged list of a kind with the lists of the changed files (same count of files) put in place of their old ones. */
function spliced(list: readonly Fact[], kind: keyof FileFacts, before: readonly FileFacts[], after: readonly FileFacts[], changed: readonly number[]): Fact[] {
  const pieces: (readonly Fact[])[] = [];
  let position = 0;
  let copied = 0;
  let file = 0;
  for (const index of changed) {
    for (; file < index; file++) position += before[file][kind]?.length ?? 0;
    pieces.push(list.slice(copied, position), after[index][kind] ?? []);
    position += before[index][kind]?.length ?? 0;
    copied = position;
    file = index + 1;
  }
  pieces.push(list.slice(copied));
  return ([] as Fact[]).concat(...pieces);
}

/**
 * Findings of the text before an edit, placed in the text after it: those after the changed span
 * move with the text (lines inserted above a finding push it down); the others stay where they
 * were until phase 2 places them, as do findings in notebook cells.
 */
function movedByEdit(findings: readonly Finding[], before: string, after: string): Finding[] {
  const span = changedSpan(before, after);
  const oldEnd = positionAt(before, span.oldEnd);
  const newEnd = positionAt(after, span.newEnd);
  return findings.map((finding) => {
    const { loc } = finding;
    const startsBeforeEnd = loc.line < oldEnd.line || (loc.line === oldEnd.line && loc.column < oldEnd.column);
    if (loc.cell !== undefined || startsBeforeEnd) return finding;
    const move = (line: number, column: number) => ({
      line: line + newEnd.line - oldEnd.line,
      column: line === oldEnd.line ? column + newEnd.column - oldEnd.column : column,
    });
    const moved = move(loc.line, loc.column);
    const movedEnd = move(loc.endLine, loc.endColumn);
    if (moved.line === loc.line && moved.column === loc.column && movedEnd.line === loc.endLine && movedEnd.column === loc.endColumn) return finding;
    return { ...finding, loc: { ...loc, line: moved.line, column: moved.column, endLine: movedEnd.line, endColumn: movedEnd.column } };
  });
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  return a === b || (!a?.length && !b?.length);
}

function toFinding(rule: RuleDefinition, severity: Finding['severity'], report: Report): Finding {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.code} reported unknown message id ${report.messageId}`);
  return {
    rule: rule.code,
    name: rule.name,
    family: rule.family,
    // The config's severity wins; otherwise a report may be graver than the rule's default.
    severity: report.severity && severity === rule.severity ? report.severity : severity,
    loc: report.loc,
    messageId: report.messageId,
    message: formatMessage(template, report.data),
    impact: report.impact ?? { tokens: 0, costPer1kCalls: null },
    related: report.related ?? [],
    fix: report.fix ?? null,
    fingerprint: '',
    acknowledged: null,
  };
}

/** The code a location points at, with whitespace folded, so that moving it (edits above it, re-indenting) keeps its hash. */
function normalisedSnippet(lines: readonly string[], loc: Location): string {
  const picked = lines.slice(loc.line - 1, loc.endLine);
  if (picked.length === 0) return '';
  if (picked.length === 1) picked[0] = picked[0].slice(loc.column - 1, loc.endColumn - 1);
  else {
    picked[0] = picked[0].slice(loc.column - 1);
    picked[picked.length - 1] = picked[picked.length - 1].slice(0, loc.endColumn - 1);
  }
  return picked.join('\n').replace(/\s+/g, ' ').trim();
}

/**
 * Fingerprint = rule + file + hash of the normalised code the finding points at
 * + occurrence index among identical ones; never the line number, so edits
 * elsewhere in the file keep it.
 */
function assignFingerprints(findings: Finding[], lines: readonly string[]): void {
  // Findings of one file: ordered as compareFindings orders them.
  const seen = new Map<string, number>();
  const ordered = [...findings].sort(compareInFile);
  for (const finding of ordered) {
    const base = `${finding.rule}\0${finding.loc.file}\0${finding.loc.cell ?? ''}\0${normalisedSnippet(lines, finding.loc)}\0${finding.messageId}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    finding.fingerprint = stableHash(`${base}\0${occurrence}`);
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.loc.file.localeCompare(b.loc.file) || compareInFile(a, b);
}

function compareInFile(a: Finding, b: Finding): number {
  return (a.loc.cell ?? -1) - (b.loc.cell ?? -1) || a.loc.line - b.loc.line || a.loc.column - b.loc.column || a.rule.localeCompare(b.rule);
}
