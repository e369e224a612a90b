import type { RuleDefinition } from '../core/rule';
import { rules as registry } from '../rules';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import type { AuditJson } from './json';
import { renderMarkdown } from './markdown';
import { buildReportModel, describeRules } from './model';
import { redactDeep } from './redact';
import { renderSarif } from './sarif';
import { renderText } from './text';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours (text only). */
  color?: boolean;
  /** Findings only (text only). */
  quiet?: boolean;
  /** Where rule pages live (see ReportOptions.docsBaseUrl); SARIF's `helpUri` needs an absolute URL. */
  docsBaseUrl?: string;
  rules?: readonly RuleDefinition[];
}

/**
 * Renders an audit in one format. Every format starts from the same redacted
 * audit, so no key a finding or inventory field quotes ever reaches an output.
 */
export function renderReport(audit: AuditJson, format: ReportFormat, options: RenderOptions = {}): string {
  const safe = redactDeep(audit);
  if (format === 'json') return JSON.stringify(safe, null, 2) + '\n';
  if (format === 'text') return renderText(safe, { color: options.color ?? false, quiet: options.quiet });
  const rules = options.rules ?? registry;
  const model = buildReportModel(safe, { rules, docsBaseUrl: options.docsBaseUrl });
  switch (format) {
    case 'sarif': return renderSarif(model, describeRules(rules, options.docsBaseUrl));
    case 'markdown': return renderMarkdown(model);
    case 'csv': return renderCsv(model);
    case 'html': return renderHtml(model);
  }
}
