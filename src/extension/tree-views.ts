import * as vscode from 'vscode';
import type { AnalysisController } from './controller';
import { engineHost } from './engine-loader';
import { buildTree, nodeAt, type FolderAudit, type TreeKind, type TreeNode } from './tree-model';

export const VIEW_IDS: Record<TreeKind, string> = {
  hotspots: 'genaiDebt.hotspots',
  prompts: 'genaiDebt.prompts',
  tools: 'genaiDebt.tools',
  llmCalls: 'genaiDebt.llmCalls',
};

const REFRESH_DELAY_MS = 300;

class DebtTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  roots: TreeNode[] = [];

  constructor(readonly kind: TreeKind) {}

  rebuild(folders: readonly FolderAudit[], filter: string): void {
    this.roots = buildTree(this.kind, folders, filter);
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? (node.contextValue === 'hotspot' || node.contextValue === 'prompt' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded) : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = node.contextValue;
    if (node.place) item.command = { title: 'Open', command: 'genaiDebt.openLocation', arguments: [node.place] };
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }
}

/**
 * The sidebar: Hotspots, Prompts, Tools and LLM calls, rebuilt (debounced) when an analysis
 * lands while one of them is visible, else when one is shown: building them reads the whole
 * JSON audit, which should not follow every keystroke nobody is looking at.
 */
export class DebtTrees implements vscode.Disposable {
  private readonly providers = new Map<TreeKind, DebtTreeProvider>();
  private readonly views = new Map<TreeKind, vscode.TreeView<TreeNode>>();
  private timer: NodeJS.Timeout | undefined;
  private stale = false;
  private generation = 0;
  private filter = '';

  constructor(private readonly controller: AnalysisController) {
    for (const kind of Object.keys(VIEW_IDS) as TreeKind[]) {
      const provider = new DebtTreeProvider(kind);
      this.providers.set(kind, provider);
      const view = vscode.window.createTreeView(VIEW_IDS[kind], { treeDataProvider: provider, showCollapseAll: true });
      view.onDidChangeVisibility(({ visible }) => {
        if (visible && this.stale) void this.refresh();
      });
      this.views.set(kind, view);
    }
    controller.onDidChange(() => this.scheduleRefresh());
  }

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (![...this.views.values()].some((view) => view.visible)) {
      this.stale = true;
      return;
    }
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Rebuilds every tree from the folders' latest audits. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stale = false;
    const generation = ++this.generation;
    const folders: FolderAudit[] = [];
    for (const scope of this.controller.folderScopes()) {
      if (!scope.snapshot) continue;
      const audit = await scope.snapshot.audit();
      folders.push({ folder: scope.key, folderName: scope.name, audit, hotspots: engineHost().reportModelOf(audit).hotspots.files });
    }
    if (generation !== this.generation) return; // a newer refresh started while the audits were read
    void vscode.commands.executeCommand('setContext', 'genaiDebt.hasResults', folders.length > 0);
    for (const [kind, provider] of this.providers) {
      provider.rebuild(folders, this.filter);
      const view = this.views.get(kind)!;
      view.description = this.filter ? `filter: ${this.filter}` : undefined;
    }
  }

  async setFilter(filter?: string): Promise<void> {
    const value = filter ?? await vscode.window.showInputBox({ prompt: 'Show only items containing', value: this.filter, placeHolder: 'file, rule code, tool or model name' });
    if (value === undefined) return;
    this.filter = value;
    void vscode.commands.executeCommand('setContext', 'genaiDebt.filtered', value !== '');
    await this.refresh();
  }

  roots(kind: TreeKind): TreeNode[] {
    return this.providers.get(kind)!.roots;
  }

  /** Reveals the item at an editor position (the cursor) in a tree. */
  async reveal(kind: TreeKind, uri: vscode.Uri, line: number): Promise<TreeNode | undefined> {
    const found = this.controller.scopeOf(uri);
    if (!found) return undefined;
    if (this.timer || this.stale) await this.refresh();
    const node = nodeAt(this.roots(kind), found.scope.key, found.path, line);
    if (node) await this.views.get(kind)!.reveal(node, { select: true, focus: true, expand: true });
    return node;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const view of this.views.values()) view.dispose();
  }
}
