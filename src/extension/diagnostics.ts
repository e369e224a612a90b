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

/**
 * Turns findings into diagnostics: `source` genai-debt, `code` {rule, docs},
 * exact ranges, related information, editor-only severities; acknowledged
 * findings are hints. Publishes only what changed since the last time.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly published = new Map<string, PublishedFinding[]>();
  /** Per scope: the URIs it published to and a signature of what it published. */
  private readonly signatures = new Map<string, Map<string, string>>();

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
    const grouped = new Map<string, { uri: vscode.Uri; items: PublishedFinding[] }>();
    for (const findings of findingsByFile.values()) {
      for (const finding of findings) {
        const severity = editorSeverity(finding, settings.customizations);
        if (severity === 'off') continue;
        const target = documentUriOf(scope, finding.loc);
        if (!shows(target.uri)) continue;
        const range = finding.loc.cell !== undefined && !target.inCell ? new vscode.Range(0, 0, 0, 0) : toRange(finding.loc);
        const message = redact(finding.loc.cell !== undefined && !target.inCell ? `cell ${finding.loc.cell + 1}: ${finding.message}` : finding.message);
        const diagnostic = new vscode.Diagnostic(range, message, SEVERITY[severity]);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = { value: finding.rule, target: ruleDocUri(finding.rule, finding.name) };
        if (finding.related.length) {
          diagnostic.relatedInformation = finding.related.map((related) => new vscode.DiagnosticRelatedInformation(
            new vscode.Location(documentUriOf(scope, related.loc).uri, toRange(related.loc)), redact(related.message)));
        }
        const key = target.uri.toString();
        const group = grouped.get(key) ?? { uri: target.uri, items: [] };
        group.items.push({ finding, scope, uri: target.uri, range, diagnostic });
        grouped.set(key, group);
      }
    }
    const previous = this.signatures.get(scope.key) ?? new Map<string, string>();
    const next = new Map<string, string>();
    for (const [key, group] of grouped) {
      const signature = group.items.map(({ diagnostic: d, finding }) => `${finding.rule}|${d.severity}|${d.message}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${finding.acknowledged ? 1 : 0}|${d.relatedInformation?.length ?? 0}`).join('\n');
      next.set(key, signature);
      // The findings are re-bound every time (their fixes carry fresh offsets); the collection only when they changed.
      this.published.set(key, group.items);
      if (previous.get(key) !== signature) this.collection.set(group.uri, group.items.map((item) => item.diagnostic));
    }
    for (const key of previous.keys()) {
      if (next.has(key)) continue;
      this.published.delete(key);
      this.collection.delete(vscode.Uri.parse(key));
    }
    this.signatures.set(scope.key, next);
  }

  clear(scopeKey: string): void {
    for (const key of this.signatures.get(scopeKey)?.keys() ?? []) {
      this.published.delete(key);
      this.collection.delete(vscode.Uri.parse(key));
    }
    this.signatures.delete(scopeKey);
  }

  /** Forgets what was published, so that the next publish sets everything (notebooks opened or closed). */
  reset(): void {
    this.signatures.clear();
    this.published.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
