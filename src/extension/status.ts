import * as vscode from 'vscode';
import type { AnalysisController } from './controller';

const SELECTOR: vscode.DocumentSelector = [
  'python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'json', 'jsonc', 'yaml', 'toml', 'pip-requirements', 'genai-prompt', 'jupyter',
].map((language) => ({ language }));

/** The one language status item: state, open finding count, last audit time; a click opens the report. */
export class DebtStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('genaiDebt.status', SELECTOR);

  constructor(private readonly controller: AnalysisController) {
    this.item.name = 'GenAI Debt';
    this.item.command = { title: 'Open report', command: 'genaiDebt.showReport' };
    controller.onDidChange(() => this.update());
    controller.onDidChangeBusy(() => this.update());
    this.update();
  }

  update(): void {
    const scopes = this.controller.folderScopes().filter((scope) => scope.snapshot);
    this.item.busy = this.controller.busy;
    this.item.severity = this.controller.lastError ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    if (!scopes.length) {
      this.item.text = this.controller.busy ? 'GenAI Debt: auditing…' : 'GenAI Debt';
      this.item.detail = this.controller.lastError ?? 'not audited yet';
      return;
    }
    const open = scopes.reduce((sum, scope) => sum + scope.snapshot!.findings.filter((finding) => !finding.acknowledged).length, 0);
    const last = new Date(Math.max(...scopes.map((scope) => scope.snapshot!.finishedAt.getTime())));
    this.item.text = `GenAI Debt: ${open} open`;
    this.item.detail = this.controller.lastError ?? `last audit ${last.toLocaleTimeString()}`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
