import * as vscode from 'vscode';
import type { FileInsights } from '../workspace/folder-engine';
import type { AnalysisController, Scope } from './controller';
import { toRange } from './diagnostics';
import { engineHost } from './engine-loader';
import { containsPosition } from './locations';

async function insightsOf(controller: AnalysisController, document: vscode.TextDocument): Promise<{ insights: FileInsights; scope: Scope } | undefined> {
  const found = controller.scopeOf(document.uri);
  const insights = await found?.scope.snapshot?.insights(found.path);
  return insights && { insights, scope: found!.scope };
}

/**
 * CodeLenses above prompts ("4,112 tokens · $10.28 per 1k calls (gpt-4.1)")
 * and LLM calls ("traced by mlflow" / "untraced"), from the latest analysis.
 */
export class DebtCodeLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly controller: AnalysisController) {
    controller.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const found = await insightsOf(this.controller, document);
    if (!found || !found.scope.settings().codeLens) return [];
    const host = engineHost();
    const { facts, coverage } = found.insights;
    const lenses: vscode.CodeLens[] = [];
    for (const prompt of facts.prompts) {
      if (prompt.loc.cell !== undefined) continue;
      const range = toRange(prompt.loc);
      lenses.push(new vscode.CodeLens(new vscode.Range(range.start, range.start), {
        title: host.promptLensText(prompt), tooltip: host.promptLensTooltip(prompt), command: '',
      }));
    }
    facts.llmCalls.forEach((call, index) => {
      if (call.loc.cell !== undefined) return;
      const range = toRange(call.loc);
      const covered = coverage[index] ?? undefined;
      lenses.push(new vscode.CodeLens(new vscode.Range(range.start, range.start), {
        title: host.callLensText(covered), tooltip: host.callLensTooltip(covered), command: '',
      }));
    });
    return lenses;
  }
}

/** Hovers on model ids (alias → snapshot, lifecycle, price, catalog date) and on tool names (what they overlap with). */
export class DebtHovers implements vscode.HoverProvider {
  constructor(private readonly controller: AnalysisController) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = await insightsOf(this.controller, document);
    if (!found) return undefined;
    const host = engineHost();
    const snapshot = found.scope.snapshot!;
    const { facts } = found.insights;
    const model = facts.models.find((ref) => ref.loc.cell === undefined && containsPosition(ref.loc, position.line, position.character));
    if (model) return new vscode.Hover(new vscode.MarkdownString(host.modelHoverMarkdown(model.id, model.provider, snapshot.catalog)), toRange(model.loc));
    // A tool's definition can span a whole function: only its first line answers.
    const tool = facts.tools.find((candidate) => candidate.loc.cell === undefined && candidate.loc.line - 1 === position.line);
    if (tool) return new vscode.Hover(new vscode.MarkdownString(host.toolHoverMarkdown(tool, snapshot.findingsByFile.get(tool.loc.file) ?? [])));
    return undefined;
  }
}
