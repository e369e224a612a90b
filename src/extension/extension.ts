import * as vscode from 'vscode';
import { DebtCodeActions } from './code-actions';
import { AnalysisController, type UpdateTiming } from './controller';
import { DebtCodeLenses, DebtHovers } from './lenses-and-hovers';
import { exportReport, openPlace, pickScope, ReportPanel, updateBaseline, type OpenPlace } from './report-view';
import type { ReportFormat } from './engine-host';
import { RULE_DOC_SCHEME, RuleDocProvider, showRuleDocumentation } from './rule-docs';
import { SECTION } from './settings';
import { DebtStatus } from './status';
import { DebtTrees } from './tree-views';
import type { TreeKind, TreeNode } from './tree-model';

/** What the extension returns from `activate`, for the end-to-end tests and benchmarks. */
export interface GenAiDebtApi {
  /** Resolves when no analysis is queued or running. */
  whenIdle(): Promise<void>;
  treeRoots(kind: TreeKind): Promise<TreeNode[]>;
  reveal(kind: TreeKind, uri: vscode.Uri, line: number): Promise<TreeNode | undefined>;
  /** The Debt Audit webview's current HTML ('' before it opens). */
  reportHtml(): string;
  /** Where the time of the last live update of a file went. */
  lastUpdate(): UpdateTiming | undefined;
  /** Fires right after the extension handed diagnostics to VS Code. */
  onDidPublish: vscode.Event<void>;
  /** The analysis process's id for each trusted local folder analysed in it (one process serves them all). */
  analysisProcesses(): number[];
}

const ANALYSED_FILES = '**/*';

/**
 * Wiring only: every provider, view and command reads the engine's results
 * through the controller. Activation registers them and returns; the engine
 * (parsers, rules) loads after it, when the first analysis starts.
 */
export function activate(context: vscode.ExtensionContext): GenAiDebtApi {
  const log = vscode.window.createOutputChannel('GenAI Debt', { log: true });
  const controller = new AnalysisController(log);
  const trees = new DebtTrees(controller);
  const rerun = (scope?: { folder: vscode.WorkspaceFolder | null }) =>
    controller.auditFolders(vscode.ProgressLocation.Notification, scope?.folder ? [scope.folder] : undefined);
  const report = new ReportPanel(controller, rerun);
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-remote' }];

  const showReport = async (rerunFirst: boolean): Promise<number | undefined> => {
    let scope = await pickScope(controller);
    if (!scope) return undefined;
    if (rerunFirst || !scope.snapshot) await rerun(scope);
    scope = controller.scopes().find((candidate) => candidate.key === scope!.key);
    if (!scope?.snapshot) return undefined;
    await report.show(scope);
    return scope.snapshot.findings.length;
  };

  context.subscriptions.push(
    log, controller, trees, report, new DebtStatus(controller),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, new RuleDocProvider()),
    vscode.languages.registerCodeActionsProvider(selector, new DebtCodeActions(controller.diagnostics), { providedCodeActionKinds: DebtCodeActions.kinds }),
    vscode.languages.registerCodeLensProvider(selector, new DebtCodeLenses(controller)),
    vscode.languages.registerHoverProvider(selector, new DebtHovers(controller)),

    vscode.commands.registerCommand('genaiDebt.runAudit', () => showReport(true)),
    vscode.commands.registerCommand('genaiDebt.showReport', () => showReport(false)),
    vscode.commands.registerCommand('genaiDebt.rerunAudit', () => rerun()),
    vscode.commands.registerCommand('genaiDebt.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('genaiDebt.updateBaseline', async (folderKey?: string) => {
      const scope = await pickScope(controller, folderKey);
      if (!scope) return undefined;
      if (!scope.snapshot) await rerun(scope);
      return updateBaseline(controller.scopes().find((candidate) => candidate.key === scope.key)!);
    }),
    vscode.commands.registerCommand('genaiDebt.exportReport', async (format?: ReportFormat, target?: vscode.Uri, folderKey?: string) => {
      const scope = await pickScope(controller, folderKey);
      if (!scope) return undefined;
      if (!scope.snapshot) await rerun(scope);
      return exportReport(controller.scopes().find((candidate) => candidate.key === scope.key)!, format, target);
    }),
    vscode.commands.registerCommand('genaiDebt.showRuleDocumentation', (code?: string) => showRuleDocumentation(code)),
    vscode.commands.registerCommand('genaiDebt.openLocation', (place: OpenPlace) => openPlace(controller, place)),
    vscode.commands.registerCommand('genaiDebt.refreshViews', () => trees.refresh()),
    vscode.commands.registerCommand('genaiDebt.filterViews', (filter?: string) => trees.setFilter(filter)),
    vscode.commands.registerCommand('genaiDebt.clearFilter', () => trees.setFilter('')),
    vscode.commands.registerCommand('genaiDebt.revealInSidebar', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      return trees.reveal('hotspots', editor.document.uri, editor.selection.active.line + 1);
    }),
    vscode.commands.registerCommand('genaiDebt.openSample', async () => {
      const sample = vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'support_agent.py');
      await vscode.window.showTextDocument(sample);
    }),

    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length) controller.documentChanged(event.document, 'type');
    }),
    vscode.workspace.onDidSaveTextDocument((document) => controller.documentChanged(document, 'save')),
    vscode.workspace.onDidOpenTextDocument((document) => controller.documentChanged(document, 'open')),
    vscode.workspace.onDidCloseTextDocument((document) => controller.documentClosed(document)),
    vscode.workspace.onDidOpenNotebookDocument(() => controller.republishAll()),
    vscode.workspace.onDidCloseNotebookDocument(() => controller.republishAll()),
    vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const folder of event.removed) controller.removeFolder(folder);
      if (event.added.length) void controller.auditFolders(vscode.ProgressLocation.Window, event.added);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      controller.refreshOptions();
      const reaudit = ['configFile', 'exclude', 'git', 'enable'].some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
      if (reaudit) void controller.auditFolders(vscode.ProgressLocation.Window);
      else controller.republishAll();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      controller.refreshOptions();
      void controller.auditFolders(vscode.ProgressLocation.Window);
    }),
  );

  // One watcher for the analysed files and the config files; the controller batches the events.
  const watcher = vscode.workspace.createFileSystemWatcher(ANALYSED_FILES);
  context.subscriptions.push(
    watcher,
    watcher.onDidChange((uri) => controller.fileChanged(uri, false)),
    watcher.onDidCreate((uri) => controller.fileChanged(uri, false)),
    watcher.onDidDelete((uri) => controller.fileChanged(uri, true)),
  );

  // Analysis is deferred: activation returns first, the engine loads after.
  const startup = new Promise<void>((resolve) => setTimeout(() => {
    void controller.auditFolders(vscode.ProgressLocation.Window).then(() => {
      for (const document of vscode.workspace.textDocuments) if (!vscode.workspace.getWorkspaceFolder(document.uri)) controller.documentChanged(document, 'open');
      resolve();
    });
  }, 0));

  return {
    whenIdle: () => startup.then(() => controller.whenIdle()),
    treeRoots: async (kind) => {
      await trees.refresh();
      return trees.roots(kind);
    },
    reveal: (kind, uri, line) => trees.reveal(kind, uri, line),
    reportHtml: () => report.html,
    lastUpdate: () => controller.lastUpdate,
    onDidPublish: controller.onDidPublish,
    analysisProcesses: () => controller.analysisProcesses(),
  };
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}
