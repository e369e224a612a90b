import type { ReportItem, ReportModel } from './model';

/**
 * One row per finding, for spreadsheets and trackers. RFC 4180: comma
 * separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled.
 */

export const CSV_COLUMNS = [
  'rule', 'name', 'family', 'severity', 'status', 'file', 'cell', 'line', 'column', 'endLine', 'endColumn',
  'message', 'tokens', 'costPer1kCalls', 'sharedBy', 'debtScore', 'remediation', 'fix', 'reason', 'ticket', 'docs', 'related', 'fingerprint',
] as const;

type Value = string | number | null | undefined;

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-`, `@` (CSV injection):
 * a text cell starting so gets a leading apostrophe, which they show as text.
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: Value): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(item: ReportItem): Value[] {
  const { finding } = item;
  return [
    finding.rule, finding.name, finding.family, finding.severity, finding.acknowledged ? 'acknowledged' : 'open',
    finding.file, finding.cell === undefined ? null : finding.cell + 1, finding.line, finding.column, finding.endLine, finding.endColumn,
    finding.message, finding.impact.tokens, finding.impact.costPer1kCalls, item.impact.sharedBy, item.score,
    item.remediation.text, finding.fix?.title, item.rationale, item.links.ticket, item.links.helpUri,
    item.links.related.map((related) => `${related.label} ${related.message}`).join('\n'), finding.fingerprint,
  ];
}

export function renderCsv(model: ReportModel): string {
  const rows: Value[][] = [[...CSV_COLUMNS], ...[...model.items, ...model.acknowledged].map(row)];
  return rows.map((values) => values.map(field).join(',')).join('\r\n') + '\r\n';
}
