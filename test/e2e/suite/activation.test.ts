import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, codeOf, openFile, waitForDiagnostic } from '../support/helpers';

describe('activation', () => {
  it('runs from this source folder and activates', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it('reports the unpinned model of support-bot/app.py once the file is open', async () => {
    const editor = await openFile('support-bot/app.py');
    const diagnostic = await waitForDiagnostic(editor.document.uri, (d) => codeOf(d) === 'GD401');
    assert.equal(editor.document.getText(diagnostic.range), '"gpt-4o"');
  });
});
