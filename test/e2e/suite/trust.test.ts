// The control for test/e2e/untrusted: in a trusted workspace that is a git repository the
// audit does run git (prompt history), and the runner's recording git sees it. So the
// untrusted suite's "no git call" means something.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, extensionApi, openFile, replaceInDocument, resetFile, waitFor, waitForDiagnostic } from '../support/helpers';

describe('trusted workspace', () => {
  it('runs git for the history of the workspace, seen by the recording git on PATH', async () => {
    const log = process.env.GENAI_DEBT_E2E_SPAWN_LOG;
    assert.ok(log, 'the runner sets GENAI_DEBT_E2E_SPAWN_LOG');
    assert.equal(vscode.workspace.isTrusted, true);
    const api = await extensionApi();
    await vscode.commands.executeCommand('genaiDebt.rerunAudit');
    await api.whenIdle();
    const calls = await waitFor('a git call', () => {
      const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      return lines.length ? lines : undefined;
    }, 10_000).catch((error: Error) => {
      throw new Error(`${error.message}; the extension host's PATH is ${process.env.PATH}`);
    });
    assert.ok(calls.some((line) => line.startsWith(vscode.workspace.workspaceFolders![0].uri.fsPath)), calls.join('\n'));
  });

  it('keeps the folder\'s analysis in a process of its own, and analyses in the host when that process dies', async () => {
    const api = await extensionApi();
    await api.whenIdle();
    const [pid] = api.analysisProcesses();
    assert.ok(pid, 'a trusted local folder is analysed in a process of its own');
    process.kill(pid, 'SIGKILL');
    await waitFor('the process to be gone', () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    });
    const editor = await openFile('support-bot/tracing.py');
    try {
      await replaceInDocument(editor.document, '"gpt-4o-mini-2024-07-18"', '"gpt-4o-mini"');
      await waitForDiagnostic(editor.document.uri, (d) => codeOf(d) === 'GD401');
      assert.deepEqual(api.analysisProcesses(), [], 'the folder is analysed in the host from then on');
    } finally {
      await resetFile('support-bot/tracing.py');
    }
  });
});
