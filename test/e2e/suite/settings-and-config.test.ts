import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension, codeOf, openFile, ourDiagnostics, replaceInDocument, resetFile, waitForDiagnostic,
  waitForNoDiagnostic, workspaceUri,
} from '../support/helpers';

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('genaiDebt').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('settings and the config file', () => {
  before(activateExtension);
  afterEach(async () => {
    await setSetting('rules.customizations', undefined);
    await setSetting('run', undefined);
    await resetFile('support-bot/tracing.py');
    await vscode.workspace.fs.delete(workspaceUri('.genai-debt.json')).then(undefined, () => undefined);
  });

  it('genaiDebt.rules.customizations changes the severity the editor shows', async () => {
    const uri = workspaceUri('support-bot/app.py');
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD401' && d.severity === vscode.DiagnosticSeverity.Warning);
    await setSetting('rules.customizations', [{ rule: 'GD401', severity: 'error' }]);
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD401' && d.severity === vscode.DiagnosticSeverity.Error);
    await setSetting('rules.customizations', [{ rule: 'GD4*', severity: 'off' }]);
    await waitForNoDiagnostic(uri, (d) => /^GD4/.test(codeOf(d) ?? ''));
    assert.ok(ourDiagnostics(uri).some((d) => codeOf(d) === 'GD102'), 'other families stay');
  });

  it('genaiDebt.run = onSave waits for the save', async () => {
    await setSetting('run', 'onSave');
    const editor = await openFile('support-bot/tracing.py');
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD402');
    assert.ok(!ourDiagnostics(uri).some((d) => codeOf(d) === 'GD401'), 'pinned before the edit');
    await replaceInDocument(editor.document, '"gpt-4o-mini-2024-07-18"', '"gpt-4o-mini"');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.ok(!ourDiagnostics(uri).some((d) => codeOf(d) === 'GD401'),
      `nothing while only typing (genaiDebt.run is ${vscode.workspace.getConfiguration('genaiDebt', uri).get('run')}, dirty ${editor.document.isDirty})`);
    await editor.document.save();
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD401');
  });

  it('a .genai-debt.json written to the workspace is picked up, and its removal too', async () => {
    const uri = workspaceUri('support-bot/requirements.txt');
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD405');
    await vscode.workspace.fs.writeFile(workspaceUri('.genai-debt.json'),
      new TextEncoder().encode('{\n  // dependencies are pinned by the deploy image\n  "rules": { "GD405": "off" }\n}\n'));
    await waitForNoDiagnostic(uri, (d) => codeOf(d) === 'GD405');
    await vscode.workspace.fs.delete(workspaceUri('.genai-debt.json'));
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD405');
  });
});
