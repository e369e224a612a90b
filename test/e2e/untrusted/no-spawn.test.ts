// Runs in a folder VS Code does not trust (Restricted Mode). The runner puts a recording
// `git` first on the host's PATH (GENAI_DEBT_E2E_SPAWN_LOG); here the child_process module
// itself (one object in the extension host, shared with the extension's bundle) is watched
// as well, so any process the extension starts is seen either way.
import { strict as assert } from 'node:assert';
import childProcess = require('node:child_process');
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, codeOf, openFile, waitForDiagnostic } from '../support/helpers';

/** Every process started in this extension host, with the stack that started it. */
const spawned: { call: string; stack: string }[] = [];
const watched = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
const mutable = childProcess as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const name of watched) {
  const original = mutable[name];
  mutable[name] = (...args: unknown[]) => {
    spawned.push({ call: `${name} ${String(args[0])}`, stack: new Error().stack ?? '' });
    return original(...args);
  };
}

function gitCalls(): string[] {
  const log = process.env.GENAI_DEBT_E2E_SPAWN_LOG;
  return log ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}

describe('untrusted workspace', () => {
  it('is really untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still analyses statically', async () => {
    await activateExtension();
    const editor = await openFile('support-bot/app.py');
    await waitForDiagnostic(editor.document.uri, (d) => codeOf(d) === 'GD401');
    // A never-opened file: the background workspace audit ran too.
    const summarize = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'web-chat/src/summarize.ts');
    await waitForDiagnostic(summarize, (d) => codeOf(d) === 'GD401');
  });

  it('spawns no process, not even git, through a whole audit', async () => {
    // The extension runs from its bundle; this file's own wrapper is on every stack, so match dist/ only.
    const bundle = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist') + sep;
    const before = spawned.length;
    await vscode.commands.executeCommand('genaiDebt.rerunAudit');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // VS Code itself may start processes here (e.g. its port finder); only the extension's own count.
    const ours = spawned.slice(before).filter((entry) => entry.stack.includes(bundle));
    assert.deepEqual(ours.map((entry) => entry.call), []);
    assert.ok(process.env.GENAI_DEBT_E2E_SPAWN_LOG === undefined || gitCalls().length === 0, `git was run: ${gitCalls().join('; ')}`);
  });
});
