import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension, codeOf, openFile, ourDiagnostics, replaceInDocument, resetFile, waitFor, waitForDiagnostic,
  waitForNoDiagnostic, workspaceUri,
} from '../support/helpers';

describe('diagnostics', () => {
  before(activateExtension);
  afterEach(async () => {
    await resetFile('support-bot/tracing.py');
  });

  it('puts GD401 on the model id of support-bot/app.py with its source, exact range and docs link', async () => {
    const editor = await openFile('support-bot/app.py');
    const diagnostic = await waitForDiagnostic(editor.document.uri, (d) => codeOf(d) === 'GD401');
    assert.equal(diagnostic.source, 'genai-debt');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    // examples/support-bot/app.py:18:14-22 (1-based, end exclusive) in the CLI's JSON.
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [17, 13, 17, 21]);
    assert.equal(editor.document.getText(diagnostic.range), '"gpt-4o"');
    assert.match(diagnostic.message, /moving alias/);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.ok(code.target instanceof vscode.Uri, 'the code links to the rule documentation');
    const page = await vscode.workspace.openTextDocument(code.target);
    assert.match(page.getText(), /GD401/);
    assert.match(page.getText(), /pin/i);
  });

  it('links the other tool of an overlap cluster as related information', async () => {
    const uri = workspaceUri('support-bot/agents_flow.py');
    await openFile('support-bot/agents_flow.py');
    const diagnostic = await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD201' && d.range.start.line === 11);
    const related = diagnostic.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri.fsPath, uri.fsPath);
    assert.equal(related[0].location.range.start.line, 17);
    assert.match(related[0].message, /fetch_order_status/);
  });

  it('reports files that were never opened, from the background workspace audit', async () => {
    const uri = workspaceUri('web-chat/package.json');
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    assert.ok(!tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.fsPath === uri.fsPath), 'no test opens this file');
    const diagnostic = await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD405');
    assert.equal(diagnostic.range.start.line, 15);
    assert.match(diagnostic.message, /`openai`/);
  });

  it('shows a retired model as an error', async () => {
    const uri = workspaceUri('support-bot/prompts/triage_system.prompty');
    const diagnostic = await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD402');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /retired/);
  });

  it('adds a finding while typing and removes it when the edit is undone, without saving', async () => {
    const editor = await openFile('support-bot/tracing.py');
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD402');
    assert.ok(!ourDiagnostics(uri).some((d) => codeOf(d) === 'GD401'), 'pinned at first');
    await replaceInDocument(editor.document, '"gpt-4o-mini-2024-07-18"', '"gpt-4o-mini"');
    const added = await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD401');
    assert.equal(editor.document.getText(added.range), '"gpt-4o-mini"');
    assert.ok(editor.document.isDirty, 'analysed from the unsaved buffer');
    await replaceInDocument(editor.document, '"gpt-4o-mini"', '"gpt-4o-mini-2024-07-18"');
    await waitForNoDiagnostic(uri, (d) => codeOf(d) === 'GD401');
    await waitFor('GD402 to stay', () => ourDiagnostics(uri).some((d) => codeOf(d) === 'GD402'));
  });
});
