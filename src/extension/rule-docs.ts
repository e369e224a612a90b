import * as vscode from 'vscode';
import { engineHost } from './engine-loader';

/** Rule pages are served by the extension itself (no network): `genai-debt-doc:/GD301-untraced-llm-call.md`. */
export const RULE_DOC_SCHEME = 'genai-debt-doc';

export function ruleDocUri(code: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${code}-${name}.md` });
}

export class RuleDocProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const code = /GD\d{3}/i.exec(uri.path)?.[0] ?? '';
    return engineHost().ruleDoc(code) ?? `# Unknown rule\n\n\`${code || uri.path}\` is not a rule of this version of GenAI Debt.\n`;
  }
}

/** Opens a rule's page in the Markdown preview (or as text where the preview is missing). Asks for the rule when none is given. */
export async function showRuleDocumentation(code?: string): Promise<vscode.Uri | undefined> {
  let wanted = code;
  if (!wanted) wanted = await vscode.window.showQuickPick(engineHost().ruleCodes(), { placeHolder: 'Rule to show' });
  if (!wanted) return undefined;
  const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${wanted.toUpperCase()}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
  return uri;
}
