import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parse as parseCsv } from 'csv-parse/sync';
import { extensionApi, waitFor, workspaceRoot } from '../support/helpers';

function reportTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('genaiDebt.report'));
}

async function exportAs(format: string, extension: string): Promise<string> {
  // Outside the workspace, so the export does not itself trigger analysis.
  const target = vscode.Uri.file(join(process.env.GENAI_DEBT_E2E_SCRATCH ?? workspaceRoot(), 'exports', `report.${extension}`));
  const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('genaiDebt.exportReport', format, target);
  assert.equal(written?.fsPath, target.fsPath);
  return readFileSync(target.fsPath, 'utf8');
}

describe('Debt Audit report', () => {
  it('"Run Debt Audit" opens the report webview with a strict CSP', async () => {
    const api = await extensionApi();
    const count = await vscode.commands.executeCommand<number | undefined>('genaiDebt.runAudit');
    assert.ok(count && count >= 20, `findings: ${count}`);
    await waitFor('the report tab', reportTab);
    const html = await waitFor('the report HTML', () => api.reportHtml() || undefined);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    for (const script of html.match(/<script[^>]*>/g) ?? []) assert.ok(script.includes(`nonce="${nonce}"`), script);
    assert.match(html, /GD401/);
    assert.match(html, /support-bot\/app\.py/);
  });

  it('exports JSON with the findings and the inventory', async () => {
    const json = JSON.parse(await exportAs('json', 'json'));
    assert.ok(json.findings.length >= 20);
    assert.ok(json.findings.some((finding: { rule: string; file: string }) => finding.rule === 'GD401' && finding.file === 'support-bot/app.py'));
    assert.ok(Array.isArray(json.inventory.llmCalls));
  });

  it('exports SARIF 2.1.0 with a result per finding', async () => {
    const sarif = JSON.parse(await exportAs('sarif', 'sarif'));
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; locations: unknown[] }[];
    assert.ok(results.length >= 20);
    assert.ok(results.every((result) => /^GD\d{3}$/.test(result.ruleId) && result.locations.length === 1));
  });

  it('exports CSV with a header and one well-formed row per finding', async () => {
    const rows = parseCsv(await exportAs('csv', 'csv'), { relaxColumnCount: false }) as string[][];
    assert.ok(rows.length >= 21);
    assert.ok(rows[0].some((cell) => /rule/i.test(cell)), rows[0].join(','));
    assert.ok(rows.slice(1).some((row) => row.includes('GD401')));
  });

  it('exports Markdown and HTML', async () => {
    const markdown = await exportAs('markdown', 'md');
    assert.match(markdown, /^# /m);
    assert.match(markdown, /GD401/);
    const html = await exportAs('html', 'html');
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /GD401/);
    assert.match(html, /<\/html>\s*$/);
  });
});
