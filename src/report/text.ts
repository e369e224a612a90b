import type { AuditJson } from './json';

export interface TextOptions {
  color: boolean;
  /** Findings only: no inventory, skipped list or summary. */
  quiet?: boolean;
}

const codes = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;

function paint(enabled: boolean, style: keyof typeof codes, text: string): string {
  return enabled ? `\u001b[${codes[style]}m${text}\u001b[0m` : text;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What a person reads in a terminal: findings grouped by file, then the inventory and a summary. */
export function renderText(audit: AuditJson, options: TextOptions): string {
  const { color } = options;
  const out: string[] = [];
  const byFile = new Map<string, AuditJson['findings']>();
  for (const finding of audit.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    out.push(paint(color, 'underline', file));
    for (const f of findings) {
      const where = `${f.cell !== undefined ? `cell ${f.cell + 1}:` : ''}${f.line}:${f.column}`;
      const severity = paint(color, f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue', f.severity.padEnd(7));
      const ledger = f.acknowledged ? paint(color, 'dim', ` [acknowledged${f.acknowledged.reason ? `: ${f.acknowledged.reason}` : ''}${f.acknowledged.ticket ? `; ${f.acknowledged.ticket}` : ''}]`) : '';
      out.push(`  ${paint(color, 'dim', where.padEnd(9))} ${severity} ${f.message}  ${paint(color, 'dim', `${f.rule} ${f.name}`)}${ledger}`);
    }
    out.push('');
  }
  if (options.quiet) return out.join('\n') + (out.length ? '\n' : '');

  const inv = audit.inventory;
  const traced = inv.llmCalls.filter((call) => call.traced).length;
  const unpinned = inv.models.filter((model) => model.pinned === false).length;
  out.push(paint(color, 'bold', 'Inventory'));
  out.push(`  LLM calls     ${inv.llmCalls.length} (${traced} traced, ${inv.llmCalls.length - traced} untraced)`);
  out.push(`  prompts       ${inv.prompts.length}${inv.prompts.length ? ` (largest ${Math.max(...inv.prompts.map((p) => p.tokens))} tokens)` : ''}`);
  out.push(`  tools         ${inv.tools.length}`);
  out.push(`  models        ${inv.models.length} (${unpinned} moving aliases)`);
  out.push(`  tracing       ${inv.tracing.length ? [...new Set(inv.tracing.map((t) => t.library))].join(', ') : 'none found'}`);
  out.push(`  artifacts     ${inv.artifacts.length}`);
  out.push(`  dependencies  ${inv.dependencies.filter((d) => d.genai).length} GenAI of ${inv.dependencies.length}`);
  if (audit.skipped.length) {
    out.push('');
    out.push(paint(color, 'bold', `Skipped (${audit.skipped.length})`));
    for (const skip of audit.skipped.slice(0, 20)) out.push(`  ${skip.file}: ${skip.reason}`);
    if (audit.skipped.length > 20) out.push(`  … and ${audit.skipped.length - 20} more (see --format json)`);
  }
  out.push('');
  const s = audit.summary;
  const severities = ['error', 'warning', 'info'].filter((k) => s.bySeverity[k]).map((k) => plural(s.bySeverity[k], k));
  const baseline = s.baseline ? ` new since the baseline (${s.baseline.existing} already in it, ${s.baseline.fixed} fixed)` : '';
  out.push(paint(color, 'bold', `${plural(s.findings, 'finding')}${baseline}${severities.length ? ` (${severities.join(', ')})` : ''} in ${plural(s.files, 'file')}, ${(s.durationMs / 1000).toFixed(1)}s`));
  return out.join('\n') + '\n';
}
