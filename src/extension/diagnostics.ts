import * as vscode from 'vscode';
import type { Finding } from '../core/finding';
import type { Location } from '../core/facts';
import { toZeroBased } from './locations';
import { editorSeverity, type EditorSeverity } from './severity';
import type { Settings } from './settings';
import { ruleDocUri } from './rule-docs';

/** What a set of findings is relative to: a workspace folder, or one loose file. */
export interface AnalysisScope {
  key: string;
  uriOf(path: string): vscode.Uri;
  /** Path of a document inside this scope, or null. */
  pathOf(uri: vscode.Uri): string | null;
  settings(): Settings;
}

/** A finding as published: where its diagnostic sits, for code actions and the fix-all. */
export interface PublishedFinding {
  finding: Finding;
  scope: AnalysisScope;
  uri: vscode.Uri;
  range: vscode.Range;
  diagnostic: vscode.Diagnostic;
}

export const DIAGNOSTIC_SOURCE = 'genai-debt';

const SEVERITY: Record<Exclude<EditorSeverity, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(loc: Pick<Location, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  const range = toZeroBased(loc);
  return new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter);
}

/** The document a location is in: the notebook's cell when the notebook is open, else the file. */
export function documentUriOf(scope: AnalysisScope, loc: Pick<Location, 'file' | 'cell'>): { uri: vscode.Uri; inCell: boolean } {
  const file = scope.uriOf(loc.file);
  if (loc.cell === undefined) return { uri: file, inCell: false };
  const notebook = vscode.workspace.notebookDocuments.find((candidate) => candidate.uri.toString() === file.toString());
  if (notebook && loc.cell < notebook.cellCount) return { uri: notebook.cellAt(loc.cell).document.uri, inCell: true };
  return { uri: file, inCell: false };
}

/** What one source file published: a signature of its findings, and its diagnostics per document. */
interface FileEntry {
  /** The findings it was built from: the same array next time means nothing changed (the analysis process keeps unchanged files' arrays). */
  findings: readonly Finding[];
  uri: vscode.Uri;
  shown: boolean;
  signature: string;
  groups: { uri: vscode.Uri; key: string; items: PublishedFinding[]; indexes: number[] }[];
}

/**
 * Turns findings into diagnostics: `source` genai-debt, `code` {rule, docs},
 * exact ranges, related information, editor-only severities; acknowledged
 * findings are hints. A file whose findings did not change since the last
 * publish keeps its diagnostics: after an edit, only the edited file (and any
 * file a workspace rule changed) is converted and handed to VS Code again.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly published = new Map<string, PublishedFinding[]>();
  /** Per scope, per source file: what it published. */
  private readonly entries = new Map<string, Map<string, FileEntry>>();

  constructor(private readonly redact: () => (text: string) => string) {}

  findingsIn(uri: vscode.Uri): PublishedFinding[] {
    return this.published.get(uri.toString()) ?? [];
  }

  /** Every finding published, for the fix-all and tests. */
  all(): PublishedFinding[] {
    return [...this.published.values()].flat();
  }

  publish(scope: AnalysisScope, findingsByFile: ReadonlyMap<string, readonly Finding[]>, shows: (uri: vscode.Uri) => boolean): void {
    const settings = scope.settings();
    const redact = this.redact();
    const previous = this.entries.get(scope.key) ?? new Map<string, FileEntry>();
    const next = new Map<string, FileEntry>();
    for (const [file, findings] of findingsByFile) {
      const known = previous.get(file);
      const uri = known?.uri ?? scope.uriOf(file);
      const shown = shows(uri);
      if (known && known.findings === findings && known.shown === shown) {
        next.set(file, known);
        continue;
      }
      const severities = findings.map((finding) => editorSeverity(finding, settings.customizations));
      const signature = `${shown ? 1 : 0}\n${findings.map((finding, index) => findingSignature(finding, severities[index])).join('\n')}`;
      if (known?.signature === signature) {
        // Same diagnostics; the findings are re-bound (their fixes carry fresh offsets).
        for (const group of known.groups) group.indexes.forEach((index, i) => { group.items[i].finding = findings[index]; });
        next.set(file, { ...known, findings });
        continue;
      }
      const entry: FileEntry = { findings, uri, shown, signature, groups: [] };
      findings.forEach((finding, index) => {
        const severity = severities[index];
        if (severity === 'off') return;
        const target = documentUriOf(scope, finding.loc);
        if (!shows(target.uri)) return;
        const key = target.uri.toString();
        let group = entry.groups.find((candidate) => candidate.key === key);
        if (!group) entry.groups.push((group = { uri: target.uri, key, items: [], indexes: [] }));
        group.items.push(this.toPublished(scope, finding, severity, target.inCell, target.uri, redact));
        group.indexes.push(index);
      });
      for (const group of entry.groups) this.collection.set(group.uri, group.items.map((item) => item.diagnostic));
      for (const old of known?.groups ?? []) {
        if (entry.groups.some((group) => group.key === old.key)) continue;
        this.published.delete(old.key);
        this.collection.delete(old.uri);
      }
      for (const group of entry.groups) this.published.set(group.key, group.items);
      next.set(file, entry);
    }
    for (const [file, entry] of previous) if (!next.has(file)) this.forget(entry);
    this.entries.set(scope.key, next);
  }

  private toPublished(scope: AnalysisScope, finding: Finding, severity: Exclude<EditorSeverity, 'off'>, inCell: boolean, uri: vscode.Uri, redact: (text: string) => string): PublishedFinding {
    const outsideCell = finding.loc.cell !== undefined && !inCell;
    const range = outsideCell ? new vscode.Range(0, 0, 0, 0) : toRange(finding.loc);
    const diagnostic = new vscode.Diagnostic(range, redact(outsideCell ? `cell ${finding.loc.cell! + 1}: ${finding.message}` : finding.message), SEVERITY[severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: ruleDocUri(finding.rule, finding.name) };
    if (finding.related.length) {
      diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(
        new vscode.Location(documentUriOf(scope, related.loc).uri, toRange(related.loc)), redact(related.message)));
    }
    return { finding, scope, uri, range, diagnostic };
  }

  private forget(entry: FileEntry): void {
    for (const group of entry.groups) {
      this.published.delete(group.key);
      this.collection.delete(group.uri);
    }
  }

  clear(scopeKey: string): void {
    for (const entry of this.entries.get(scopeKey)?.values() ?? []) this.forget(entry);
    this.entries.delete(scopeKey);
  }

  /** Forgets what was published, so that the next publish sets everything (notebooks opened or closed). */
  reset(): void {
    this.entries.clear();
    this.published.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** Everything of a finding its diagnostic shows. */
function findingSignature(finding: Finding, severity: EditorSeverity): string {
  const { loc } = finding;
  const related = finding.related.map((item) => `${item.loc.file}:${item.loc.cell ?? ''}:${item.loc.line}:${item.loc.column}-${item.loc.endLine}:${item.loc.endColumn} ${item.message}`).join('\t');
  return `${finding.rule}|${severity}|${loc.cell ?? ''}|${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}|${finding.acknowledged ? 1 : 0}|${finding.message}|${related}`;
}
