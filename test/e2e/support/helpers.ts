// Small helpers shared by the e2e tests: the scratch workspace, polling with a deadline,
// and waiting for the extension's diagnostics.
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GenAiDebtApi } from '../../../src/extension/extension';

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

/** The pristine text of an example file, from this repository's examples/ folder. */
export function originalText(relative: string): string {
  const repo = process.env.GENAI_DEBT_E2E_REPO;
  if (!repo) throw new Error('GENAI_DEBT_E2E_REPO is not set (run through scripts/e2e/run.mjs)');
  return readFileSync(join(repo, 'examples', relative), 'utf8');
}

/** Puts a workspace file back as it is in examples/ (editor buffer and disk), so tests stay independent. */
export async function resetFile(relative: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  const original = originalText(relative);
  if (document.getText() !== original || document.isDirty) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
    await document.save();
  }
}

/** Replaces the first occurrence of `from` in an open document (unsaved, as typing would). */
export async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, from), to);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.fsPath}`);
}

/** The code actions VS Code gathers for a range, as a user's light bulb would show them. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Applies a code action the way the light bulb does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error(`could not apply "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** The extension's API (what activate returns), for what VS Code's own API cannot read: tree items, the report HTML. */
export async function extensionApi(): Promise<GenAiDebtApi> {
  const extension = await activateExtension();
  return extension.exports as GenAiDebtApi;
}

/**
 * Waits until the light bulb on a finding of `rule` offers an action matching `title`
 * (right after start-up the analysis may still be re-publishing), and returns it.
 */
export async function waitForCodeAction(uri: vscode.Uri, rule: string, title: RegExp,
  diagnosticMatch: (d: vscode.Diagnostic) => boolean = () => true): Promise<{ action: vscode.CodeAction; diagnostic: vscode.Diagnostic }> {
  let offered: string[] = [];
  try {
    return await waitFor(`a "${title.source}" action on ${rule}`, async () => {
      const diagnostic = ourDiagnostics(uri).find((d) => codeOf(d) === rule && diagnosticMatch(d));
      if (!diagnostic) return undefined;
      const actions = await codeActionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      offered = actions.map((candidate) => candidate.title);
      const action = actions.find((candidate) => title.test(candidate.title));
      return action ? { action, diagnostic } : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; offered: ${offered.join(' | ') || 'nothing'}`);
  }
}
