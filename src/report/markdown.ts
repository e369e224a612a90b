import type { Hotspot, ReportItem, ReportLocation, ReportModel } from './model';

/**
 * The Debt Audit as Markdown: what a person files as a ticket or pastes into
 * one. Each item reads like a debt ticket: Debt, Impact, Rationale,
 * Remediation, Links.
 */

const MAX_HOTSPOTS = 10;

function cell(text: string | number): string {
  return String(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function table(head: string[], rows: (string | number)[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function severityBreakdown(bySeverity: Record<string, number>): string {
  return ['error', 'warning', 'info'].filter((key) => bySeverity[key]).map((key) => plural(bySeverity[key], key)).join(', ');
}

function place(location: ReportLocation): string {
  return `\`${location.label}\``;
}

function hotspotRows(spots: readonly Hotspot[]): (string | number)[][] {
  return spots.slice(0, MAX_HOTSPOTS).map((spot) => [`\`${spot.path}\``, spot.score, spot.findings, severityBreakdown(spot.bySeverity), spot.tokens.toLocaleString('en-US'), spot.costPer1kCalls ? `$${spot.costPer1kCalls}` : '—']);
}

function itemBlock(item: ReportItem, index: number): string[] {
  const { finding, impact, links } = item;
  const related = links.related.map((rel) => `${place(rel)} ${rel.message}`);
  return [
    `#### ${index}. ${place(item.location)} · ${finding.severity}${finding.acknowledged ? ' · acknowledged' : ''}`,
    '',
    `- **Debt:** ${item.debt}`,
    `- **Impact:** ${impact.lines.length ? impact.lines.join(' ') : 'No token or cost figure for this finding.'}`,
    `- **Rationale:** ${item.rationale ?? (finding.acknowledged ? 'Acknowledged without a reason.' : 'None recorded: nobody has accepted this debt.')}`,
    `- **Remediation:** ${item.remediation.text}`,
    `- **Links:** [${item.rule.code} ${item.rule.name}](${links.helpUri})${links.ticket ? ` · ticket ${links.ticket}` : ''}`,
    ...related.map((text) => `  - related: ${text}`),
    `- Fingerprint: \`${finding.fingerprint}\``,
    '',
  ];
}

export function renderMarkdown(model: ReportModel): string {
  const { summary, inventory: inv } = model;
  const out: string[] = [];
  out.push('# GenAI Debt Audit', '');
  out.push(`_${model.tool.name} ${model.tool.version} · ${plural(summary.files, 'file')} analysed · ${(summary.durationMs / 1000).toFixed(1)}s_`, '');

  out.push('## Summary', '');
  const openSeverities: Record<string, number> = {};
  for (const item of model.items) openSeverities[item.finding.severity] = (openSeverities[item.finding.severity] ?? 0) + 1;
  out.push(`- **${plural(summary.open, 'open finding')}**${summary.open ? ` (${severityBreakdown(openSeverities)})` : ''}, **${summary.acknowledged} acknowledged**; debt score **${summary.debtScore}**.`);
  if (summary.baseline) out.push(`- Against the baseline \`${summary.baseline.file}\`: ${summary.baseline.new} new, ${summary.baseline.existing} already in it (not listed), ${summary.baseline.fixed} fixed since.`);
  out.push(`- LLM calls: ${inv.llmCalls.total} (${inv.llmCalls.traced} traced, ${inv.llmCalls.untraced} untraced); tracing: ${inv.tracing.length ? inv.tracing.join(', ') : 'none found'}.`);
  out.push(`- Prompts: ${inv.prompts.total}${inv.prompts.total ? ` (largest ${inv.prompts.largest.toLocaleString('en-US')} tokens; ${inv.prompts.bySize.filter((size) => size.count).map((size) => `${size.count} ${size.label}`).join(', ')})` : ''}.`);
  out.push(`- Tools: ${inv.tools.total}, ${plural(inv.tools.overlapClusters.length, 'overlap cluster')}.`);
  out.push(`- Models: ${inv.models.total} references to ${inv.models.distinct} ids (${inv.models.pinned} pinned, ${inv.models.unpinned} moving aliases, ${inv.models.unknown} not in the catalog, ${inv.models.deprecated} deprecated).`);
  out.push(`- Artifacts: ${inv.artifacts}; GenAI dependencies: ${inv.genaiDependencies}.`, '');

  out.push('## Debt by family', '');
  out.push(...table(['family', 'open', 'acknowledged', 'score', 'rules'], model.families.map((family) => [family.title, family.open, family.acknowledged, family.score, family.rules.map((group) => `${group.rule.code} (${group.open.length + group.acknowledged.length})`).join(', ')])));
  out.push('');

  out.push('## Hotspots', '');
  if (model.hotspots.files.length) {
    out.push(...table(['file', 'score', 'findings', 'severity', 'tokens', 'cost / 1k calls'], hotspotRows(model.hotspots.files)), '');
    if (model.hotspots.folders.length) out.push(...table(['folder', 'score', 'findings', 'severity', 'tokens', 'cost / 1k calls'], hotspotRows(model.hotspots.folders)), '');
  } else out.push('No debt found.', '');
  out.push(`> ${model.scoring}`, '');

  out.push('## Debt items', '');
  if (!model.items.length) out.push('No open debt.', '');
  let index = 0;
  for (const family of model.families) {
    if (!family.open) continue;
    out.push(`### ${family.title}`, '');
    for (const group of family.rules) for (const item of group.open) out.push(...itemBlock(item, ++index));
  }

  out.push('## Acknowledged debt', '');
  if (model.acknowledged.length) {
    out.push('Debt the team accepted with a `genai-debt: accept` directive, with its reason and ticket.', '');
    out.push(...table(['rule', 'where', 'debt', 'reason', 'ticket'], model.acknowledged.map((item) => [`${item.rule.code} ${item.rule.name}`, place(item.location), item.debt, item.rationale ?? '(no reason given)', item.links.ticket ?? '—'])));
    out.push('');
  } else out.push('None: no finding is acknowledged in the ledger.', '');

  if (inv.tools.overlapClusters.length) {
    out.push('## Overlapping tools', '');
    for (const cluster of inv.tools.overlapClusters) out.push(`- ${cluster.tools.map((tool) => `\`${tool}\``).join(', ')}`);
    out.push('');
  }
  if (model.skipped.length) {
    out.push(`## Skipped files (${model.skipped.length})`, '');
    out.push(...table(['file', 'reason'], model.skipped.map((skip) => [`\`${skip.file}\``, skip.reason])), '');
  }
  return out.join('\n');
}
