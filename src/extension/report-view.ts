import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { AnalysisController, Scope } from './controller';
import { engineHost } from './engine-loader';
import type { ReportFormat } from './engine-host';
import { renderReportPage } from './report-html';

export interface OpenPlace {
  folder: string;
  file: string;
  line: number;
  column: number;
  cell?: number;
}

const EXPORT_FORMATS: { label: string; format: ReportFormat; extension: string }[] = [
  { label: 'Markdown', format: 'markdown', extension: 'md' },
  { label: 'JSON', format: 'json', extension: 'json' },
  { label: 'SARIF', format: 'sarif', extension: 'sarif' },
  { label: 'CSV', format: 'csv', extension: 'csv' },
  { label: 'HTML', format: 'html', extension: 'html' },
];

/** Opens a place of the analysis (a tree item, a report link) in its editor or notebook cell. */
export async function openPlace(controller: AnalysisController, place: OpenPlace): Promise<void> {
  const scope = controller.scopes().find((candidate) => candidate.key === place.folder);
  const uri = scope ? scope.uriOf(place.file) : vscode.Uri.parse(place.folder);
  const position = new vscode.Position(Math.max(0, place.line - 1), Math.max(0, place.column - 1));
  if (place.cell !== undefined) {
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    const editor = await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(place.cell, place.cell + 1)] });
    editor.revealRange(new vscode.NotebookRange(place.cell, place.cell + 1));
    if (place.cell < notebook.cellCount) await vscode.window.showTextDocument(notebook.cellAt(place.cell).document, { selection: new vscode.Range(position, position) });
    return;
  }
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
}

/** The folder an action is about: the given one, the active editor's, the only one, or the user's pick. */
export async function pickScope(controller: AnalysisController, key?: string): Promise<Scope | undefined> {
  const scopes = controller.folderScopes();
  if (key) return scopes.find((scope) => scope.key === key);
  const active = vscode.window.activeTextEditor && controller.scopeOf(vscode.window.activeTextEditor.document.uri)?.scope;
  if (active?.folder) return active;
  if (scopes.length <= 1) return scopes[0];
  const picked = await vscode.window.showQuickPick(scopes.map((scope) => ({ label: scope.name, scope })), { placeHolder: 'Workspace folder' });
  return picked?.scope;
}

/** Writes the report of a folder's latest audit in one format; asks for the format and the file when not given. */
export async function exportReport(scope: Scope, format?: ReportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!scope.snapshot) return undefined;
  let chosen = EXPORT_FORMATS.find((entry) => entry.format === format);
  if (!chosen) chosen = (await vscode.window.showQuickPick(EXPORT_FORMATS.map((entry) => ({ ...entry, description: `.${entry.extension}` })), { placeHolder: 'Export the Debt Audit as' })) ?? undefined;
  if (!chosen) return undefined;
  const file = target ?? await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(scope.folder?.uri ?? scope.uriOf(''), `genai-debt-report.${chosen.extension}`),
    filters: { [chosen.label]: [chosen.extension] },
    saveLabel: 'Export',
  });
  if (!file) return undefined;
  // renderReport redacts every string before rendering.
  const text = engineHost().renderReport(await scope.snapshot.audit(), chosen.format);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  return file;
}

/** Writes today's open debt to the folder's baseline file (`genaiDebt.baselinePath`), like `--update-baseline`. */
export async function updateBaseline(scope: Scope): Promise<vscode.Uri | undefined> {
  if (!scope.snapshot || !scope.folder) return undefined;
  const { text, count } = engineHost().baselineText(await scope.snapshot.audit());
  const uri = vscode.Uri.joinPath(scope.folder.uri, scope.settings().baselinePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`GenAI Debt: wrote ${count} finding${count === 1 ? '' : 's'} to ${scope.settings().baselinePath}.`);
  return uri;
}

/** The Debt Audit webview: one panel, re-rendered when the folder's analysis changes. */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private scopeKey: string | undefined;
  html = '';

  constructor(private readonly controller: AnalysisController, private readonly rerun: (scope: Scope) => Promise<unknown>) {
    controller.onDidChange((scope) => {
      if (this.panel && (!scope || scope.key === this.scopeKey)) void this.render();
    });
  }

  get visible(): boolean {
    return this.panel !== undefined;
  }

  async show(scope: Scope): Promise<void> {
    this.scopeKey = scope.key;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('genaiDebt.report', 'Debt Audit', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { type: string; file?: string; line?: number; column?: number; cell?: number; rule?: string }) => this.onMessage(message));
    }
    this.panel.title = `Debt Audit: ${scope.name}`;
    await this.render();
    this.panel?.reveal(); // closed meanwhile: nothing to show
  }

  private scope(): Scope | undefined {
    return this.controller.scopes().find((scope) => scope.key === this.scopeKey);
  }

  private async render(): Promise<void> {
    const scope = this.scope();
    const snapshot = scope?.snapshot;
    if (!this.panel || !snapshot) return;
    const audit = await snapshot.audit();
    // A newer analysis landed while this one's audit was read: its own render shows it.
    if (!this.panel || scope.snapshot !== snapshot) return;
    this.html = renderReportPage({
      model: engineHost().reportModelOf(audit),
      folderName: scope.name,
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      auditedAt: snapshot.finishedAt.toLocaleString(),
    });
    this.panel.webview.html = this.html;
  }

  private async onMessage(message: { type: string; file?: string; line?: number; column?: number; cell?: number; rule?: string }): Promise<void> {
    const scope = this.scope();
    if (!scope) return;
    if (message.type === 'open' && typeof message.file === 'string') {
      await openPlace(this.controller, { folder: scope.key, file: message.file, line: message.line ?? 1, column: message.column ?? 1, cell: message.cell });
    } else if (message.type === 'doc' && message.rule) {
      await vscode.commands.executeCommand('genaiDebt.showRuleDocumentation', message.rule);
    } else if (message.type === 'export') {
      await exportReport(scope);
    } else if (message.type === 'rerun') {
      await this.rerun(scope);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
