import type { ReportItem, ReportModel } from '../report/model';

/**
 * The Debt Audit webview's HTML: strict CSP (`default-src 'none'`, one nonce'd
 * script and style, no `unsafe-inline`), theme colours only, and every item a
 * link back to its code (the script posts `open` messages). Pure, so it is
 * tested without VS Code. The model must come from a redacted audit.
 */
export interface ReportPage {
  model: ReportModel;
  folderName: string;
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  auditedAt: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** Inline code spans of messages (`gpt-4o`) become <code>; everything else is escaped. */
function formatText(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function locationLink(place: { file: string; line: number; column: number; cell?: number }, label: string): string {
  if (!place.file) return escapeHtml(label);
  return `<a href="#" class="loc" data-file="${escapeHtml(place.file)}" data-line="${place.line}" data-column="${place.column}"${place.cell === undefined ? '' : ` data-cell="${place.cell}"`}>${escapeHtml(label)}</a>`;
}

function item(entry: ReportItem): string {
  const related = entry.links.related.map((place) => `<li>${locationLink(place, place.label)} — ${formatText(place.message)}</li>`).join('');
  return `<li class="item sev-${escapeHtml(entry.finding.severity)}">
<div class="head"><span class="code">${escapeHtml(entry.rule.code)}</span> ${locationLink(entry.location, entry.location.label)} <span class="score">score ${entry.score}</span></div>
<div><strong>Debt</strong>: ${formatText(entry.debt)}</div>
${entry.impact.lines.length ? `<div><strong>Impact</strong>: ${entry.impact.lines.map(formatText).join(' ')}</div>` : ''}
${entry.rationale ? `<div><strong>Rationale</strong>: ${formatText(entry.rationale)}</div>` : ''}
<div><strong>Remediation</strong>: ${formatText(entry.remediation.text)}</div>
<div><strong>Links</strong>: <a href="#" class="doc" data-rule="${escapeHtml(entry.rule.code)}">${escapeHtml(entry.rule.code)} ${escapeHtml(entry.rule.name)}</a>${entry.links.ticket ? ` · ticket ${escapeHtml(entry.links.ticket)}` : ''}</div>
${related ? `<ul class="related">${related}</ul>` : ''}
</li>`;
}

export function renderReportPage(page: ReportPage): string {
  const { model, nonce } = page;
  const summary = model.summary;
  const families = model.families.map((family) => `<tr><td>${escapeHtml(family.title)}</td><td>${family.open}</td><td>${family.acknowledged}</td><td>${family.score}</td></tr>`).join('');
  const hotspots = model.hotspots.files.slice(0, 10).map((spot) => `<tr><td>${spot.path === '(workspace)' ? '(workspace)' : locationLink({ file: spot.path, line: 1, column: 1 }, spot.path)}</td><td>${spot.findings}</td><td>${spot.score}</td></tr>`).join('');
  const csp = `default-src 'none'; style-src ${page.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${page.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Debt Audit</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1.5em 2em; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; } a:hover { text-decoration: underline; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .2em; }
table { border-collapse: collapse; margin: .5em 0 1em; } td, th { border-bottom: 1px solid var(--vscode-panel-border); padding: .2em .8em; text-align: left; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .3em .9em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
ul.items { list-style: none; padding: 0; } li.item { border-left: 3px solid var(--vscode-panel-border); margin: .6em 0; padding: .2em .8em; }
li.sev-error { border-left-color: var(--vscode-editorError-foreground); } li.sev-warning { border-left-color: var(--vscode-editorWarning-foreground); } li.sev-info { border-left-color: var(--vscode-editorInfo-foreground); }
.code { font-weight: bold; } .score, .muted { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>Debt Audit — ${escapeHtml(page.folderName)}</h1>
<p class="muted">${escapeHtml(model.tool.name)} ${escapeHtml(model.tool.version)} · audited ${escapeHtml(page.auditedAt)}</p>
<p><button id="export">Export…</button> <button id="rerun">Re-run audit</button></p>
<p id="summary">${summary.open} open finding${summary.open === 1 ? '' : 's'}, ${summary.acknowledged} acknowledged, in ${summary.files} files · debt score ${summary.debtScore}</p>
<h2>Debt by family</h2>
<table><tr><th>Family</th><th>Open</th><th>Acknowledged</th><th>Score</th></tr>${families}</table>
<h2>Hotspots</h2>
<table><tr><th>File</th><th>Findings</th><th>Score</th></tr>${hotspots}</table>
<h2>Open debt</h2>
${model.items.length ? `<ul class="items">${model.items.map(item).join('')}</ul>` : '<p>No open debt.</p>'}
<h2>Acknowledged debt</h2>
${model.acknowledged.length ? `<ul class="items">${model.acknowledged.map(item).join('')}</ul>` : '<p>Nothing acknowledged.</p>'}
${model.skipped.length ? `<h2>Skipped files</h2><ul>${model.skipped.map((skip) => `<li>${escapeHtml(skip.file)}: ${escapeHtml(skip.reason)}</li>`).join('')}</ul>` : ''}
<p class="muted">${escapeHtml(model.scoring)}</p>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
document.getElementById('rerun').addEventListener('click', () => vscode.postMessage({ type: 'rerun' }));
document.addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link) return;
  event.preventDefault();
  if (link.classList.contains('loc')) {
    vscode.postMessage({ type: 'open', file: link.dataset.file, line: Number(link.dataset.line), column: Number(link.dataset.column), cell: link.dataset.cell === undefined ? undefined : Number(link.dataset.cell) });
  } else if (link.classList.contains('doc')) {
    vscode.postMessage({ type: 'doc', rule: link.dataset.rule });
  }
});
</script>
</body>
</html>
`;
}
