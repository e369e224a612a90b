import * as vscode from 'vscode';
import type { FileResult } from '../core/engine';
import type { AnalysisController, Scope } from './controller';
import { toRange } from './diagnostics';
import { engineHost } from './engine-loader';
import { containsPosition } from './locations';

function fileResultOf(controller: AnalysisController, document: vscode.TextDocument): { result: FileResult; scope: Scope } | undefined {
  const found = controller.scopeOf(document.uri);
  const snapshot = found?.scope.snapshot;
  if (!found || !snapshot) return undefined;
  const result = snapshot.result.files.find((file) => file.path === found.path);
  return result && { result, scope: found.scope };
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

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const found = fileResultOf(this.controller, document);
    if (!found || !found.scope.settings().codeLens) return [];
    const host = engineHost();
    const coverage = found.scope.snapshot!.result.coverage;
    const lenses: vscode.CodeLens[] = [];
    for (const prompt of found.result.facts.prompts) {
      if (prompt.loc.cell !== undefined) continue;
      const range = toRange(prompt.loc);
      lenses.push(new vscode.CodeLens(new vscode.Range(range.start, range.start), {
        title: host.promptLensText(prompt), tooltip: host.promptLensTooltip(prompt), command: '',
      }));
    }
    for (const call of found.result.facts.llmCalls) {
      if (call.loc.cell !== undefined) continue;
      const range = toRange(call.loc);
      const covered = coverage.get(call);
      lenses.push(new vscode.CodeLens(new vscode.Range(range.start, range.start), {
        title: host.callLensText(covered), tooltip: host.callLensTooltip(covered), command: '',
      }));
    }
    return lenses;
  }
}

/** Hovers on model ids (alias → snapshot, lifecycle, price, catalog date) and on tool names (what they overlap with). */
export class DebtHovers implements vscode.HoverProvider {
  constructor(private readonly controller: AnalysisController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = fileResultOf(this.controller, document);
    if (!found) return undefined;
    const host = engineHost();
    const snapshot = found.scope.snapshot!;
    const model = found.result.facts.models.find((ref) => ref.loc.cell === undefined && containsPosition(ref.loc, position.line, position.character));
    if (model) return new vscode.Hover(new vscode.MarkdownString(host.modelHoverMarkdown(model.id, model.provider, snapshot.result.catalog)), toRange(model.loc));
    // A tool's definition can span a whole function: only its first line answers.
    const tool = found.result.facts.tools.find((candidate) => candidate.loc.cell === undefined && candidate.loc.line - 1 === position.line);
    if (tool) return new vscode.Hover(new vscode.MarkdownString(host.toolHoverMarkdown(tool, snapshot.findingsByFile.get(tool.loc.file) ?? [])));
    return undefined;
  }
}
