import * as vscode from 'vscode';
import type { Finding } from '../core/finding';
import { DIAGNOSTIC_SOURCE, documentUriOf, toRange, type AnalysisScope, type DiagnosticsPublisher, type PublishedFinding } from './diagnostics';
import { fileDirective, lineDirective } from './directives';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('genai-debt');

function fixEdit(scope: AnalysisScope, finding: Finding, edit: vscode.WorkspaceEdit): void {
  for (const change of finding.fix?.edits ?? []) edit.replace(documentUriOf(scope, change.loc).uri, toRange(change.loc), change.newText);
}

function sameDiagnostic(published: PublishedFinding, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && code === published.finding.rule && diagnostic.range.isEqual(published.range);
}

/**
 * Per finding: its fix (preferred), "Acknowledge GDxxx on this line…" and
 * "…in this file" (a ledger directive with snippet placeholders for reason and
 * ticket), "Show documentation for GDxxx". `source.fixAll.genai-debt` applies
 * the safe fixes only.
 */
export class DebtCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly diagnostics: DiagnosticsPublisher) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const published = this.diagnostics.findingsIn(document.uri);
    if (context.only && FIX_ALL_KIND.contains(context.only)) return this.fixAll(document, published);
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    const lines = document.getText().split('\n');
    for (const diagnostic of context.diagnostics) {
      const match = published.find((item) => sameDiagnostic(item, diagnostic)) ?? published.find((item) => item.range.intersection(range) && sameDiagnostic(item, diagnostic));
      if (!match) continue;
      const { finding, scope } = match;
      if (finding.fix) {
        const action = new vscode.CodeAction(`${finding.fix.title} (${finding.rule})`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        fixEdit(scope, finding, action.edit);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      const path = scope.pathOf(document.uri) ?? finding.loc.file;
      if (!finding.acknowledged && finding.loc.cell === undefined && finding.loc.line > 0) {
        const onLine = lineDirective(path, lines, finding.loc.line, finding.rule);
        if (onLine) actions.push(this.directiveAction(`Acknowledge ${finding.rule} on this line…`, document, onLine, diagnostic));
        const inFile = fileDirective(path, lines, finding.rule);
        if (inFile) actions.push(this.directiveAction(`Acknowledge ${finding.rule} in this file…`, document, inFile, diagnostic));
      }
      if (!seenRules.has(finding.rule) && scope.settings().showDocumentation) {
        seenRules.add(finding.rule);
        const show = new vscode.CodeAction(`Show documentation for ${finding.rule}`, vscode.CodeActionKind.QuickFix);
        show.command = { title: `Show documentation for ${finding.rule}`, command: 'genaiDebt.showRuleDocumentation', arguments: [finding.rule] };
        actions.push(show);
      }
    }
    return actions;
  }

  private directiveAction(title: string, document: vscode.TextDocument, insertion: { line: number; snippet: string }, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(document.uri, [vscode.SnippetTextEdit.insert(new vscode.Position(insertion.line, 0), new vscode.SnippetString(insertion.snippet))]);
    action.diagnostics = [diagnostic];
    return action;
  }

  /** One action with every safe fix of the document whose edits do not overlap an earlier one. */
  private fixAll(document: vscode.TextDocument, published: readonly PublishedFinding[]): vscode.CodeAction[] {
    const edit = new vscode.WorkspaceEdit();
    const taken: vscode.Range[] = [];
    let count = 0;
    for (const { finding, scope } of published) {
      if (finding.fix?.safety !== 'safe' || finding.acknowledged) continue;
      const ranges = finding.fix.edits.map((change) => ({ uri: documentUriOf(scope, change.loc).uri, range: toRange(change.loc), text: change.newText }));
      if (ranges.some((change) => change.uri.toString() !== document.uri.toString() || taken.some((other) => other.intersection(change.range) !== undefined))) continue;
      for (const change of ranges) {
        edit.replace(change.uri, change.range, change.text);
        taken.push(change.range);
      }
      count++;
    }
    if (count === 0) return [];
    const action = new vscode.CodeAction(`Fix all safe GenAI Debt issues (${count})`, FIX_ALL_KIND);
    action.edit = edit;
    return [action];
  }
}
