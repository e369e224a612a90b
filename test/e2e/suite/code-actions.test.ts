import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  activateExtension, applyCodeAction, codeActionsAt, codeOf, openFile, ourDiagnostics, resetFile, waitFor,
  waitForCodeAction, waitForDiagnostic, waitForNoDiagnostic,
} from '../support/helpers';

const TOUCHED = ['support-bot/app.py', 'support-bot/rag.py', 'support-bot/embeddings.py', 'web-chat/src/summarize.ts',
  'web-chat/src/chat.ts'];

/** Opens the file, waits for the finding, applies its preferred quick fix and checks the finding is gone. */
async function applyPreferredFix(relative: string, rule: string, titlePattern: RegExp): Promise<vscode.TextEditor> {
  const editor = await openFile(relative);
  const uri = editor.document.uri;
  const { action: fix, diagnostic } = await waitForCodeAction(uri, rule, titlePattern);
  const line = diagnostic.range.start.line;
  assert.equal(fix.isPreferred, true, 'the fix is the preferred action');
  assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  await applyCodeAction(fix);
  await waitForNoDiagnostic(uri, (d) => codeOf(d) === rule && d.range.start.line === line);
  return editor;
}

describe('quick fixes', () => {
  before(activateExtension);
  afterEach(async () => {
    for (const file of TOUCHED) await resetFile(file);
  });

  it('pins a moving alias to its snapshot (GD401)', async () => {
    const editor = await applyPreferredFix('support-bot/app.py', 'GD401', /Pin `gpt-4o-2024-08-06`/);
    assert.match(editor.document.lineAt(17).text, /CHAT_MODEL = "gpt-4o-2024-08-06"/);
  });

  it('replaces a deprecated model with its documented replacement (GD402)', async () => {
    const editor = await applyPreferredFix('web-chat/src/summarize.ts', 'GD402', /Replace with `gpt-6-luna`/);
    assert.match(editor.document.lineAt(15).text, /gpt-6-luna/);
  });

  it('adds a tracing decorator to an untraced call (GD301)', async () => {
    const editor = await applyPreferredFix('support-bot/rag.py', 'GD301', /@traceable/);
    assert.match(editor.document.getText(), /@traceable\(/);
  });

  it('pins a Hugging Face download to a revision (GD403)', async () => {
    const editor = await applyPreferredFix('support-bot/embeddings.py', 'GD403', /Pin a revision/);
    assert.match(editor.document.lineAt(11).text, /revision=/);
  });

  it('offers the documentation of the rule and opens it', async () => {
    const editor = await openFile('support-bot/app.py');
    const { action: show } = await waitForCodeAction(editor.document.uri, 'GD401', /^Show documentation for GD401$/);
    assert.ok(show.command);
    await applyCodeAction(show);
    await waitFor('the rule page to open', () => vscode.workspace.textDocuments.some((d) => /GD401/.test(d.uri.path) && /GD401/.test(d.getText())));
  });

  it('source.fixAll.genai-debt applies the safe fixes only', async () => {
    const editor = await openFile('web-chat/src/chat.ts');
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, (d) => codeOf(d) === 'GD401');
    const actions = await codeActionsAt(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), 'source.fixAll.genai-debt');
    assert.equal(actions.length, 1, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    await applyCodeAction(actions[0]);
    await waitForNoDiagnostic(uri, (d) => codeOf(d) === 'GD401');
    assert.match(editor.document.getText(), /openai\('gpt-4o-2024-08-06'\)/);
    // The unsafe replacement (GD402) is left for a person to decide.
    assert.ok(!/gpt-6-luna/.test(editor.document.getText()));
    await waitFor('GD402 to remain', () => ourDiagnostics(uri).some((d) => codeOf(d) === 'GD402'));
  });
});
