// Runs against the .vsix installed with --install-extension, not this source folder.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, codeOf, openFile, waitForDiagnostic } from '../support/helpers';

describe('installed .vsix', () => {
  it('is the installed copy, not the source folder', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const repo = process.env.GENAI_DEBT_E2E_REPO ?? '';
    assert.ok(!extension.extensionPath.startsWith(repo), `${extension.extensionPath} is outside ${repo}`);
    assert.ok(extension.extensionPath.startsWith(join(process.env.GENAI_DEBT_E2E_SCRATCH ?? '', 'extensions')), extension.extensionPath);
    // Only what runs is packaged.
    assert.ok(!existsSync(join(extension.extensionPath, 'src')), 'no TypeScript sources in the package');
    assert.ok(!existsSync(join(extension.extensionPath, 'test')), 'no tests in the package');
  });

  it('activates and reports debt in Python (tree-sitter wasm shipped) and TypeScript', async () => {
    await activateExtension();
    const python = await openFile('support-bot/app.py');
    const diagnostic = await waitForDiagnostic(python.document.uri, (d) => codeOf(d) === 'GD401');
    assert.equal(python.document.getText(diagnostic.range), '"gpt-4o"');
    const typescript = await openFile('web-chat/src/chat.ts');
    await waitForDiagnostic(typescript.document.uri, (d) => codeOf(d) === 'GD401');
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('genaiDebt.runAudit'), 'genaiDebt.runAudit');
  });
});
