import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/extension/tree-model';
import { extensionApi, openFile, waitFor, workspaceUri } from '../support/helpers';

async function roots(kind: 'hotspots' | 'prompts' | 'tools' | 'llmCalls'): Promise<TreeNode[]> {
  const api = await extensionApi();
  await api.whenIdle();
  return waitFor(`the ${kind} view to fill`, async () => {
    const found = await api.treeRoots(kind);
    return found.length ? found : undefined;
  });
}

function tokensOf(node: TreeNode): number {
  return Number(/^~?([\d,]+) tokens/.exec(node.description ?? '')?.[1].replace(/,/g, '') ?? NaN);
}

describe('sidebar', () => {
  it('Hotspots ranks files by debt score, each with its findings', async () => {
    const files = await roots('hotspots');
    const scores = files.map((node) => Number(/score (\d+(\.\d+)?)/.exec(node.description ?? '')?.[1]));
    assert.ok(scores.every((score) => Number.isFinite(score)), files.map((n) => n.description).join(' | '));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const app = files.find((node) => node.label === 'support-bot/app.py');
    assert.ok(app, files.map((n) => n.label).join(' | '));
    assert.ok(app.children.some((child) => child.rule === 'GD401' && child.place?.line === 18));
    assert.ok(app.children.every((child) => child.parent === app));
  });

  it('Prompts lists prompts by tokens, largest first', async () => {
    const prompts = (await roots('prompts')).flatMap((node) => (Number.isFinite(tokensOf(node)) ? [node] : node.children));
    const tokens = prompts.map(tokensOf);
    assert.ok(tokens.length >= 10, `found ${tokens.length}`);
    assert.deepEqual(tokens, [...tokens].sort((a, b) => b - a));
    assert.equal(tokens[0], 128);
  });

  it('Tools puts the overlap clusters first', async () => {
    const tools = await roots('tools');
    assert.match(tools[0].label, /^Overlapping: /);
    assert.deepEqual(tools[0].children.map((child) => child.label).sort(), ['fetch_order_status', 'get_order_status']);
  });

  it('LLM calls lists the untraced calls first, with their model', async () => {
    const calls = await roots('llmCalls');
    const traced = calls.map((node) => !/untraced/.test(node.description ?? ''));
    assert.equal(traced[0], false);
    assert.deepEqual(traced, [...traced].sort((a, b) => Number(a) - Number(b)), 'no untraced call after a traced one');
    const appCall = calls.find((node) => node.place?.file === 'support-bot/app.py');
    assert.match(appCall?.description ?? '', /^gpt-4o · untraced/);
  });

  it('a click on a finding opens its location', async () => {
    const app = (await roots('hotspots')).find((node) => node.label === 'support-bot/app.py')!;
    const finding = app.children.find((child) => child.rule === 'GD401')!;
    await vscode.commands.executeCommand('genaiDebt.openLocation', finding.place);
    const editor = await waitFor('the editor to open', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.fsPath === workspaceUri('support-bot/app.py').fsPath ? active : undefined;
    });
    assert.equal(editor.selection.active.line, 17);
    assert.equal(editor.selection.active.character, 13);
  });

  it('reveals the finding under the cursor in the sidebar (getParent)', async () => {
    const api = await extensionApi();
    const editor = await openFile('support-bot/app.py');
    editor.selection = new vscode.Selection(17, 15, 17, 15);
    const revealed = await vscode.commands.executeCommand<TreeNode | undefined>('genaiDebt.revealInSidebar');
    assert.equal(revealed?.rule, 'GD401');
    assert.equal(revealed?.parent?.label, 'support-bot/app.py');
    const direct = await api.reveal('hotspots', editor.document.uri, 18);
    assert.equal(direct?.id, revealed?.id);
  });

  it('filters the views and clears the filter', async () => {
    const api = await extensionApi();
    const all = await roots('hotspots');
    await vscode.commands.executeCommand('genaiDebt.filterViews', 'summarize');
    const filtered = await waitFor('the filter to apply', async () => {
      const found = await api.treeRoots('hotspots');
      return found.length < all.length ? found : undefined;
    });
    assert.ok(filtered.every((node) => /summarize/i.test(`${node.label} ${node.description} ${node.children.map((c) => c.label).join(' ')}`)));
    await vscode.commands.executeCommand('genaiDebt.clearFilter');
    await waitFor('the filter to clear', async () => (await api.treeRoots('hotspots')).length === all.length);
  });
});
