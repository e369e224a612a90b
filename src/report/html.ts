import { severityBreakdown } from './markdown';
import type { Hotspot, ReportItem, ReportLocation, ReportModel } from './model';

/**
 * The Debt Audit as one self-contained HTML file: inline CSS, CSS bar charts,
 * no script, no font, no image, nothing fetched (a CSP forbids it), readable
 * on screen and printable.
 */

const MAX_HOTSPOTS = 10;

function escape(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Escapes, then shows `code` spans of messages as code. */
function prose(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function isAbsoluteUri(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
}

const STYLE = `
:root { --fg:#1d2330; --muted:#5b6475; --line:#dde1e8; --bg:#f6f7f9; --card:#fff; --error:#c62828; --warning:#b45f06; --info:#1f5fbf; --ack:#6b7280; --accent:#3b4cca; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 32px 24px 64px; }
header h1 { margin: 0 0 4px; font-size: 28px; letter-spacing: -0.01em; }
header p { margin: 0; color: var(--muted); }
h2 { margin: 40px 0 12px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
h3 { margin: 28px 0 10px; font-size: 17px; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef0f4; border-radius: 4px; padding: 1px 4px; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 24px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .value { font-size: 26px; font-weight: 650; }
.card .label { color: var(--muted); font-size: 13px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; align-items: start; }
.chart { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; }
.chart h3 { margin: 0 0 12px; font-size: 15px; }
.bar-row { display: grid; grid-template-columns: minmax(120px, 38%) 1fr 48px; gap: 10px; align-items: center; margin: 6px 0; font-size: 13px; }
.bar-row .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { background: #eef0f4; border-radius: 4px; height: 14px; display: flex; overflow: hidden; }
.bar-track span { display: block; height: 100%; }
.bar-row .num { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.s-error { background: var(--error); } .s-warning { background: var(--warning); } .s-info { background: var(--info); } .s-ack { background: var(--ack); }
.legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); margin-top: 10px; flex-wrap: wrap; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; font-size: 14px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef0f4; font-weight: 600; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: none; }
.item { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 8px; padding: 12px 16px; margin: 10px 0; break-inside: avoid; }
.item.error { border-left-color: var(--error); } .item.warning { border-left-color: var(--warning); } .item.ack { border-left-color: var(--ack); }
.item-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.badge { font-size: 12px; font-weight: 600; color: #fff; border-radius: 999px; padding: 1px 8px; text-transform: uppercase; letter-spacing: 0.03em; }
.where { font-weight: 600; }
.rule { color: var(--muted); font-size: 13px; margin-left: auto; }
dl { display: grid; grid-template-columns: 110px 1fr; gap: 4px 12px; margin: 10px 0 0; }
dt { color: var(--muted); font-weight: 600; font-size: 13px; }
dd { margin: 0; }
dd ul { margin: 0; padding-left: 18px; }
.note { color: var(--muted); font-size: 13px; }
a { color: var(--accent); }
details summary { cursor: pointer; color: var(--muted); }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, .chart, table, .item { border-color: #bbb; box-shadow: none; }
  .charts { grid-template-columns: 1fr 1fr; }
  .bar-track span, .badge, .s-error, .s-warning, .s-info, .s-ack { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  .item, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  details { display: block; }
}`;

const SEVERITIES = ['error', 'warning', 'info'] as const;

function bars(rows: { name: string; total: number; parts: { cls: string; value: number }[] }[], max: number): string {
  if (!rows.length) return '<p class="note">No debt found.</p>';
  return rows.map((row) => {
    const segments = row.parts.filter((part) => part.value > 0).map((part) => `<span class="${part.cls}" style="width:${((part.value / max) * 100).toFixed(2)}%"></span>`).join('');
    return `<div class="bar-row"><span class="name" title="${escape(row.name)}">${escape(row.name)}</span><span class="bar-track">${segments}</span><span class="num">${escape(row.total)}</span></div>`;
  }).join('\n');
}

const LEGEND = `<div class="legend"><span><i class="s-error"></i>error</span><span><i class="s-warning"></i>warning</span><span><i class="s-info"></i>info</span><span><i class="s-ack"></i>acknowledged</span></div>`;

function familyChart(model: ReportModel): string {
  const rows = model.families.map((family) => {
    const items = family.rules.flatMap((group) => [...group.open, ...group.acknowledged]);
    const scoreOf = (filter: (item: ReportItem) => boolean) => items.filter(filter).reduce((sum, item) => sum + item.score, 0);
    return {
      name: family.title,
      total: family.score,
      parts: [
        ...SEVERITIES.map((severity) => ({ cls: `s-${severity}`, value: scoreOf((item) => !item.finding.acknowledged && item.finding.severity === severity) })),
        { cls: 's-ack', value: scoreOf((item) => item.finding.acknowledged !== null) },
      ],
    };
  });
  return bars(rows, Math.max(1, ...rows.map((row) => row.total)));
}

function hotspotChart(spots: readonly Hotspot[], items: readonly ReportItem[]): string {
  const top = spots.slice(0, MAX_HOTSPOTS);
  const rows = top.map((spot) => {
    const here = items.filter((item) => (item.finding.file || '(workspace)') === spot.path);
    const scoreOf = (filter: (item: ReportItem) => boolean) => here.filter(filter).reduce((sum, item) => sum + item.score, 0);
    return {
      name: spot.path,
      total: spot.score,
      parts: [
        ...SEVERITIES.map((severity) => ({ cls: `s-${severity}`, value: scoreOf((item) => !item.finding.acknowledged && item.finding.severity === severity) })),
        { cls: 's-ack', value: scoreOf((item) => item.finding.acknowledged !== null) },
      ],
    };
  });
  return bars(rows, Math.max(1, ...rows.map((row) => row.total)));
}

function link(href: string, text: string): string {
  return `<a href="${escape(href)}"${isAbsoluteUri(href) ? ' rel="noreferrer"' : ''}>${escape(text)}</a>`;
}

function where(location: ReportLocation): string {
  return `<code>${escape(location.label)}</code>`;
}

function itemCard(item: ReportItem): string {
  const { finding, impact, links } = item;
  const kind = finding.acknowledged ? 'ack' : finding.severity;
  const badgeClass = finding.acknowledged ? 's-ack' : `s-${finding.severity}`;
  const related = links.related.map((rel) => `<li>${where(rel)} ${prose(rel.message)}</li>`).join('');
  return `<article class="item ${kind}" id="f-${escape(finding.fingerprint)}">
<div class="item-head"><span class="badge ${badgeClass}">${finding.acknowledged ? 'acknowledged' : escape(finding.severity)}</span><span class="where">${where(item.location)}</span><span class="rule">${escape(item.rule.code)} ${escape(item.rule.name)} · score ${escape(item.score)}</span></div>
<dl>
<dt>Debt</dt><dd>${prose(item.debt)}</dd>
<dt>Impact</dt><dd>${impact.lines.length ? impact.lines.map(prose).join(' ') : '<span class="note">No token or cost figure for this finding.</span>'}</dd>
<dt>Rationale</dt><dd>${item.rationale ? prose(item.rationale) : `<span class="note">${finding.acknowledged ? 'Acknowledged without a reason.' : 'None recorded: nobody has accepted this debt.'}</span>`}</dd>
<dt>Remediation</dt><dd>${prose(item.remediation.text)}</dd>
<dt>Links</dt><dd>${link(links.helpUri, `${item.rule.code} ${item.rule.name} documentation`)}${links.ticket ? ` · ticket <strong>${escape(links.ticket)}</strong>` : ''}${related ? `<ul>${related}</ul>` : ''}</dd>
</dl>
</article>`;
}

function hotspotTable(spots: readonly Hotspot[], label: string): string {
  if (!spots.length) return '';
  const rows = spots.slice(0, MAX_HOTSPOTS).map((spot) => `<tr><td><code>${escape(spot.path)}</code></td><td class="num">${spot.score}</td><td class="num">${spot.findings}</td><td>${escape(severityBreakdown(spot.bySeverity))}</td><td class="num">${spot.tokens.toLocaleString('en-US')}</td><td class="num">${spot.costPer1kCalls ? `$${spot.costPer1kCalls}` : '—'}</td></tr>`).join('\n');
  return `<table><thead><tr><th>${label}</th><th class="num">score</th><th class="num">findings</th><th>severity</th><th class="num">tokens</th><th class="num">cost / 1k calls</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

export function renderHtml(model: ReportModel): string {
  const { summary, inventory: inv } = model;
  const tracedShare = inv.llmCalls.total ? Math.round((inv.llmCalls.traced / inv.llmCalls.total) * 100) : 100;
  const cards = [
    [summary.open, 'open findings'],
    [summary.acknowledged, 'acknowledged'],
    [summary.debtScore, 'debt score'],
    [`${inv.llmCalls.traced}/${inv.llmCalls.total}`, `LLM calls traced (${tracedShare}%)`],
    [inv.models.unpinned + inv.models.deprecated, 'unpinned or deprecated model references'],
    [inv.prompts.largest.toLocaleString('en-US'), 'tokens in the largest prompt'],
  ].map(([value, label]) => `<div class="card"><div class="value">${escape(value)}</div><div class="label">${escape(label)}</div></div>`).join('\n');

  const families = model.families.filter((family) => family.open).map((family) =>
    `<h3>${escape(family.title)} <span class="note">(${plural(family.open, 'item')})</span></h3>\n${family.rules.flatMap((group) => group.open.map(itemCard)).join('\n')}`).join('\n');

  const inventoryRows = [
    ['LLM calls', `${inv.llmCalls.total} (${inv.llmCalls.traced} traced, ${inv.llmCalls.untraced} untraced)`],
    ['Tracing', inv.tracing.length ? inv.tracing.join(', ') : 'none found'],
    ['Prompts', `${inv.prompts.total}${inv.prompts.total ? ` — ${inv.prompts.bySize.filter((size) => size.count).map((size) => `${size.count} ${size.label}`).join(', ')}` : ''}`],
    ['Tools', `${inv.tools.total}, ${plural(inv.tools.overlapClusters.length, 'overlap cluster')}`],
    ['Models', `${inv.models.total} references to ${inv.models.distinct} ids: ${inv.models.pinned} pinned, ${inv.models.unpinned} moving aliases, ${inv.models.unknown} not in the catalog, ${inv.models.deprecated} deprecated`],
    ['Artifacts', String(inv.artifacts)],
    ['GenAI dependencies', String(inv.genaiDependencies)],
  ].map(([name, value]) => `<tr><th>${escape(name)}</th><td>${escape(value)}</td></tr>`).join('\n');
  const clusters = inv.tools.overlapClusters.map((cluster) => `<li>${cluster.tools.map((tool) => `<code>${escape(tool)}</code>`).join(', ')}</li>`).join('');

  const acknowledged = model.acknowledged.length
    ? `<p class="note">Debt the team accepted with a <code>genai-debt: accept</code> directive, with its reason and ticket.</p>\n${model.acknowledged.map(itemCard).join('\n')}`
    : '<p class="note">None: no finding is acknowledged in the ledger.</p>';
  const skipped = model.skipped.length
    ? `<h2>Skipped files (${model.skipped.length})</h2>\n<details><summary>Files the audit could not read</summary><table><tbody>${model.skipped.map((skip) => `<tr><td><code>${escape(skip.file)}</code></td><td>${escape(skip.reason)}</td></tr>`).join('')}</tbody></table></details>`
    : '';

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escape(model.tool.name)} ${escape(model.tool.version)}">
<title>GenAI Debt Audit</title>
<style>${STYLE}
</style>
</head>
<body>
<main>
<header>
<h1>GenAI Debt Audit</h1>
<p>${escape(model.tool.name)} ${escape(model.tool.version)} · ${plural(summary.files, 'file')} analysed · ${plural(summary.findings, 'finding')} · ${(summary.durationMs / 1000).toFixed(1)}s</p>
${summary.baseline ? `<p>Against the baseline <code>${escape(summary.baseline.file)}</code>: ${summary.baseline.new} new, ${summary.baseline.existing} already in it (not listed), ${summary.baseline.fixed} fixed since.</p>` : ''}
</header>
<section class="cards">
${cards}
</section>
<h2>Where the debt is</h2>
<div class="charts">
<div class="chart"><h3>Debt by family</h3>
${familyChart(model)}
${LEGEND}</div>
<div class="chart"><h3>Hotspots (files)</h3>
${hotspotChart(model.hotspots.files, [...model.items, ...model.acknowledged])}
${LEGEND}</div>
</div>
<h3>Hotspot files</h3>
${hotspotTable(model.hotspots.files, 'file') || '<p class="note">No debt found.</p>'}
${model.hotspots.folders.length ? `<h3>Hotspot folders</h3>\n${hotspotTable(model.hotspots.folders, 'folder')}` : ''}
<p class="note">${escape(model.scoring)}</p>
<h2>Debt items</h2>
${families || '<p class="note">No open debt.</p>'}
<h2>Acknowledged debt</h2>
${acknowledged}
<h2>Inventory</h2>
<table><tbody>
${inventoryRows}
</tbody></table>
${clusters ? `<h3>Overlapping tools</h3><ul>${clusters}</ul>` : ''}
${skipped}
</main>
</body>
</html>
`;
}
