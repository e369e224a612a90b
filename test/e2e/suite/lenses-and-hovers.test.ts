import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, openFile, waitFor } from '../support/helpers';

async function lensTitlesOnLine(uri: vscode.Uri, line: number): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.filter((lens) => lens.range.start.line === line).map((lens) => lens.command?.title ?? '');
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
}

describe('CodeLens and hovers', () => {
  before(activateExtension);

  it('shows the tokens and the cost per 1k calls above a prompt', async () => {
    const { document } = await openFile('web-chat/src/summarize.ts');
    // SUMMARY_INSTRUCTIONS, web-chat/src/summarize.ts:10 (31 tokens, used with gpt-4.1-mini).
    const titles = await waitFor('a prompt lens', async () => {
      const found = await lensTitlesOnLine(document.uri, 9);
      return found.some((title) => /tokens/.test(title)) ? found : undefined;
    });
    assert.ok(titles.some((title) => /^~?31 tokens · \$\d+\.\d+ per 1k calls \(gpt-4\.1-mini\)$/.test(title)), titles.join(' | '));
  });

  it('says above each LLM call whether it is traced', async () => {
    const traced = await openFile('support-bot/tracing.py');
    const tracedTitles = await waitFor('a call lens', async () => {
      const found = await lensTitlesOnLine(traced.document.uri, 19);
      return found.length ? found : undefined;
    });
    assert.ok(tracedTitles.includes('traced by langsmith'), tracedTitles.join(' | '));
    const untraced = await openFile('support-bot/app.py');
    const untracedTitles = await waitFor('a call lens', async () => {
      const found = await lensTitlesOnLine(untraced.document.uri, 39);
      return found.length ? found : undefined;
    });
    assert.ok(untracedTitles.includes('untraced'), untracedTitles.join(' | '));
  });

  it('explains a model id on hover: snapshot, status, replacement, price and the catalog date', async () => {
    const { document } = await openFile('support-bot/app.py');
    const text = await waitFor('a model hover', async () => {
      const found = await hoverText(document.uri, new vscode.Position(17, 16));
      return /gpt-4o/.test(found) ? found : undefined;
    });
    assert.match(text, /gpt-4o-2024-08-06/);
    assert.match(text, /deprecated/);
    assert.match(text, /2027-01-14/);
    assert.match(text, /gpt-6-luna/);
    assert.match(text, /\$\d+(\.\d+)? per 1M tokens/);
    assert.match(text, /\d{4}-\d{2}-\d{2}/);
  });

  it('lists the overlapping tools when hovering a tool name', async () => {
    const { document } = await openFile('support-bot/agents_flow.py');
    const text = await waitFor('a tool hover', async () => {
      const found = await hoverText(document.uri, new vscode.Position(11, 8));
      return /get_order_status/.test(found) ? found : undefined;
    });
    assert.match(text, /Overlaps with/);
    assert.match(text, /fetch_order_status/);
  });
});
