// Small helpers shared by the e2e tests: the scratch workspace, polling with a deadline,
// and waiting for the extension's diagnostics.
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXTENSION_ID = 'genai-debt.genai-debt';
export const SOURCE = 'genai-debt';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e workspace folder is not open');
  return folder.uri.fsPath;
}

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceRoot(), relative));
}

/** Polls `probe` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  await extension.activate();
  return extension;
}

export async function openFile(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits until the file has a genai-debt diagnostic satisfying `match`. */
export function waitForDiagnostic(uri: vscode.Uri, match: (d: vscode.Diagnostic) => boolean, timeoutMs = 30_000,
): Promise<vscode.Diagnostic> {
  return waitFor(`a matching diagnostic in ${uri.fsPath}`, () => ourDiagnostics(uri).find(match), timeoutMs);
}

/** Waits until no genai-debt diagnostic of the file satisfies `match`. */
export async function waitForNoDiagnostic(uri: vscode.Uri, match: (d: vscode.Diagnostic) => boolean,
  timeoutMs = 30_000): Promise<void> {
  await waitFor(`the diagnostic in ${uri.fsPath} to go away`, () => !ourDiagnostics(uri).some(match), timeoutMs);
}

export function readWorkspaceFile(relative: string): string {
  return readFileSync(join(workspaceRoot(), relative), 'utf8');
}

/** Where a snippet occurs in the document, as a 0-based range (first occurrence). */
export function rangeOf(document: vscode.TextDocument, snippet: string, from = 0): vscode.Range {
  const offset = document.getText().indexOf(snippet, from);
  if (offset < 0) throw new Error(`"${snippet}" not found in ${document.uri.fsPath}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + snippet.length));
}
