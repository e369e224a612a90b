import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension, applyCodeAction, codeOf, openFile, resetFile, waitForCodeAction, waitForDiagnostic,
} from '../support/helpers';

async function acknowledge(relative: string, rule: string, titlePattern: RegExp): Promise<vscode.TextEditor> {
  const editor = await openFile(relative);
  const uri = editor.document.uri;
  const { action } = await waitForCodeAction(uri, rule, titlePattern, (d) => d.severity !== vscode.DiagnosticSeverity.Hint);
  await applyCodeAction(action);
  return editor;
}

describe('acknowledging debt', () => {
  before(activateExtension);
  afterEach(async () => {
    await resetFile('support-bot/rag.py');
    await resetFile('web-chat/src/mcp-server.ts');
  });

  it('"Acknowledge … on this line" writes an accept directive and the finding turns into a hint', async () => {
    const editor = await acknowledge('support-bot/rag.py', 'GD301', /^Acknowledge GD301 on this line/);
    const text = editor.document.getText();
    assert.match(text, /# genai-debt: accept GD301 -- reason: [^;\n]+; ticket: \S+/);
    const diagnostic = await waitForDiagnostic(editor.document.uri,
      (d) => codeOf(d) === 'GD301' && d.severity === vscode.DiagnosticSeverity.Hint);
    assert.equal(editor.document.lineAt(diagnostic.range.start.line - 1).text.trim().startsWith('# genai-debt: accept GD301'), true);
  });

  it('"Acknowledge … in this file" writes an accept-file directive at the top', async () => {
    const editor = await acknowledge('web-chat/src/mcp-server.ts', 'GD203', /^Acknowledge GD203 in this file/);
    assert.match(editor.document.lineAt(0).text, /^\/\/ genai-debt: accept-file GD203 -- reason: /);
    await waitForDiagnostic(editor.document.uri, (d) => codeOf(d) === 'GD203' && d.severity === vscode.DiagnosticSeverity.Hint);
  });
});
