import assert from 'node:assert/strict';
import { buildTree, filterNodes, nodeAt, type FolderAudit, type TreeNode } from '../../../src/extension/tree-model';
import { buildReportModel } from '../../../src/report/model';
import { rules } from '../../../src/rules';
import { auditExamples } from '../report/example-audit';

async function examples(folder = 'file:///ws/examples', folderName = 'examples'): Promise<FolderAudit> {
  const audit = await auditExamples();
  return { folder, folderName, audit, hotspots: buildReportModel(audit, { rules }).hotspots.files };
}

function walk(nodes: readonly TreeNode[], visit: (node: TreeNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walk(node.children, visit);
  }
}

describe('extension: sidebar trees from the example audit', () => {
  it('ranks hotspot files by debt score, each with its findings as children', async () => {
    const entry = await examples();
    const roots = buildTree('hotspots', [entry]);
    assert.deepEqual(roots.map((node) => node.label), entry.hotspots.map((spot) => spot.path));
    const app = roots.find((node) => node.label === 'support-bot/app.py')!;
    assert.deepEqual(app.children.map((child) => child.rule), entry.audit.findings.filter((f) => f.file === 'support-bot/app.py').map((f) => f.rule));
    assert.ok(app.children.every((child) => child.place?.file === 'support-bot/app.py' && child.place.folder === entry.folder));
  });

  it('links every node to its parent, so reveal can walk up', async () => {
    for (const kind of ['hotspots', 'prompts', 'tools', 'llmCalls'] as const) {
      walk(buildTree(kind, [await examples()]), (node) => {
        for (const child of node.children) assert.equal(child.parent, node);
      });
    }
  });

  it('sorts prompts by tokens, largest first', async () => {
    const prompts = buildTree('prompts', [await examples()]);
    const tokens = prompts.map((node) => Number(/([\d,]+) tokens/.exec(node.description ?? '')![1].replace(/,/g, '')));
    assert.ok(tokens.length >= 3);
    assert.deepEqual(tokens, [...tokens].sort((a, b) => b - a));
  });

  it('puts overlap clusters first among tools', async () => {
    const tools = buildTree('tools', [await examples()]);
    assert.equal(tools[0].contextValue, 'toolCluster');
    assert.deepEqual(tools[0].children.map((node) => node.label).sort(), ['fetch_order_status', 'get_order_status']);
    assert.ok(tools.slice(1).every((node) => node.contextValue === 'tool'));
    assert.ok(!tools.slice(1).some((node) => node.label === 'get_order_status'), 'a clustered tool is not listed twice');
  });

  it('lists untraced LLM calls before traced ones, with their model', async () => {
    const entry = await examples();
    const calls = buildTree('llmCalls', [entry]);
    const traced = calls.map((node) => node.contextValue === 'llmCall.traced');
    assert.ok(traced.includes(true) && traced.includes(false));
    assert.equal(traced.indexOf(true), traced.filter((t) => !t).length, 'every untraced call comes first');
    assert.ok(calls.some((node) => node.description?.startsWith('gpt-4o · untraced')));
  });

  it('filters by text, keeping the ancestors of what matches', async () => {
    const roots = buildTree('hotspots', [await examples()], 'GD403');
    assert.deepEqual(roots.map((node) => node.label), ['support-bot/embeddings.py']);
    assert.ok(roots[0].children.length >= 1 && roots[0].children.every((child) => child.rule === 'GD403' && child.parent === roots[0]));
    assert.deepEqual(filterNodes(roots, 'no such thing'), []);
  });

  it('finds the deepest node at an editor line, for revealing the cursor', async () => {
    const entry = await examples();
    const roots = buildTree('hotspots', [entry]);
    const node = nodeAt(roots, entry.folder, 'support-bot/app.py', 18);
    assert.equal(node?.contextValue, 'finding');
    assert.ok(['GD401', 'GD402'].includes(node!.rule!));
    assert.equal(nodeAt(roots, entry.folder, 'support-bot/app.py', 3)?.contextValue, 'hotspot');
    assert.equal(nodeAt(roots, 'file:///elsewhere', 'support-bot/app.py', 18), undefined);
  });

  it('gives each workspace folder a root of its own when there are several', async () => {
    const roots = buildTree('llmCalls', [await examples('file:///ws/a', 'a'), await examples('file:///ws/b', 'b')]);
    assert.deepEqual(roots.map((node) => node.label), ['a', 'b']);
    assert.notEqual(roots[0].children[0].id, roots[1].children[0].id, 'ids stay unique across folders');
  });
});
