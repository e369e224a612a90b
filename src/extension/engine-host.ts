/**
 * The engine side of the extension: everything that loads parsers, rules and
 * catalogs. Bundled as its own file (dist/engine-host.js) and required on
 * first use, so activation loads none of it.
 */
import { createBaseline, serializeBaseline } from '../core/baseline';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../report/index';
import type { AuditJson } from '../report/json';
import { buildReportModel, type ReportModel } from '../report/model';
import { redactDeep, redactSecrets } from '../report/redact';
import { findRule, rules } from '../rules';
import { renderRuleDoc } from '../rules/docs';

export { FolderAnalysis, analyzeLooseFile } from './folder-analysis';
export { callLensText, callLensTooltip, modelHoverMarkdown, promptLensText, promptLensTooltip, toolHoverMarkdown } from './insights';
export { redactSecrets, renderReport, REPORT_FORMATS, type ReportFormat };

/** The report model of an audit, redacted first (as every output is). */
export function reportModelOf(audit: AuditJson): ReportModel {
  return buildReportModel(redactDeep(audit), { rules });
}

/** A rule's documentation page in Markdown, or null for an unknown code. */
export function ruleDoc(code: string): string | null {
  const rule = findRule(code);
  return rule ? renderRuleDoc(rule) : null;
}

export function ruleCodes(): string[] {
  return rules.map((rule) => rule.code);
}

/** Today's open debt as a baseline file (the CLI's `--update-baseline`: acknowledged debt is not baselined). */
export function baselineText(audit: AuditJson): { text: string; count: number } {
  const baseline = createBaseline(audit.findings.filter((finding) => finding.acknowledged === null));
  return { text: serializeBaseline(baseline), count: baseline.findings.length };
}
