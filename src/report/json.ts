import type { WorkspaceResult } from '../core/engine';
import type { Location } from '../core/facts';
import type { Finding } from '../core/finding';
import { promptTokenCount } from '../catalog/tokens';

export const TOOL_NAME = 'genai-debt';
export const TOOL_VERSION = '0.1.0';

/** The JSON contract (DESIGN.md "Output contracts"): what the extension, tests and scripts rely on. */
export interface AuditJson {
  tool: { name: string; version: string };
  findings: FindingJson[];
  inventory: {
    llmCalls: (Position & { provider: string; api: string; operation: string; model: string | null; modelExpression: string | null; indirect: boolean; heuristic: boolean; enclosingFunction: string | null; baseUrl: string | null; traced: boolean; tracedBy: string | null })[];
    prompts: (Position & { role: string; tokens: number; tokensEstimated: boolean; source: string; name: string | null })[];
    tools: (Position & { name: string; framework: string; description: string | null; parameters: string[] })[];
    models: (Position & { id: string; provider: string | null; pinned: boolean | null; snapshot: string | null; status: string })[];
    tracing: (Position & { library: string; scope: string; covers: string[]; signal: string })[];
    artifacts: (Position & { type: string; name: string | null; revision: string | null; api: string })[];
    dependencies: (Position & { name: string; ecosystem: string; spec: string | null; pinning: string; genai: boolean; lockfile: string | null })[];
  };
  skipped: { file: string; reason: string }[];
  summary: {
    files: number; findings: number; byRule: Record<string, number>; bySeverity: Record<string, number>; durationMs: number;
    /** With --baseline: findings new since the baseline, already in it, and baseline entries no longer found. */
    baseline?: { file: string; new: number; existing: number; fixed: number };
  };
}

interface Position {
  file: string;
  line: number;
  column: number;
  cell?: number;
}

export interface FindingJson extends Position {
  rule: string;
  name: string;
  family: string;
  severity: string;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
  acknowledged: Finding['acknowledged'];
  impact: Finding['impact'];
  related: (Position & { message: string })[];
  fix: { title: string; safety: string } | null;
}

function position(loc: Location): Position {
  return loc.cell === undefined ? { file: loc.file, line: loc.line, column: loc.column } : { file: loc.file, line: loc.line, column: loc.column, cell: loc.cell };
}

function findingJson(finding: Finding): FindingJson {
  return {
    rule: finding.rule,
    name: finding.name,
    family: finding.family,
    severity: finding.severity,
    ...position(finding.loc),
    endLine: finding.loc.endLine,
    endColumn: finding.loc.endColumn,
    message: finding.message,
    fingerprint: finding.fingerprint,
    acknowledged: finding.acknowledged,
    impact: finding.impact,
    related: finding.related.map((related) => ({ ...position(related.loc), message: related.message })),
    fix: finding.fix && { title: finding.fix.title, safety: finding.fix.safety },
  };
}

/** Counts per key, sorted by key (summaries are diffed). */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function toAuditJson(result: WorkspaceResult, durationMs: number): AuditJson {
  const { facts, coverage } = result;
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    findings: result.findings.map(findingJson),
    inventory: {
      llmCalls: facts.llmCalls.map((call) => {
        const covered = coverage.get(call);
        return {
          ...position(call.loc), provider: call.provider, api: call.api, operation: call.operation,
          model: call.model?.value ?? null, modelExpression: call.model && call.model.value === null ? call.model.expression : null,
          indirect: call.indirect, heuristic: call.heuristic, enclosingFunction: call.enclosingFunction, baseUrl: call.baseUrl,
          traced: covered?.traced ?? false, tracedBy: covered?.tracedBy ?? null,
        };
      }),
      prompts: facts.prompts.map((prompt) => {
        const count = promptTokenCount(prompt);
        return { ...position(prompt.loc), role: prompt.role, tokens: count.tokens, tokensEstimated: count.estimated, source: prompt.source, name: prompt.name };
      }),
      tools: facts.tools.map((tool) => ({ ...position(tool.loc), name: tool.name, framework: tool.framework, description: tool.description, parameters: tool.parameters.map((p) => p.name) })),
      models: facts.models.map((model) => {
        const info = result.catalog.info(model.id, model.provider);
        return { ...position(model.loc), id: model.id, provider: model.provider, pinned: info.pinned, snapshot: info.snapshot, status: result.catalog.status(model.id, model.provider) };
      }),
      tracing: facts.tracing.map((setup) => ({ ...position(setup.loc), library: setup.library, scope: setup.scope, covers: setup.covers, signal: setup.signal })),
      artifacts: facts.artifacts.map((artifact) => ({ ...position(artifact.loc), type: artifact.type, name: artifact.name, revision: artifact.revision, api: artifact.api })),
      dependencies: facts.dependencies.map((dep) => ({ ...position(dep.loc), name: dep.name, ecosystem: dep.ecosystem, spec: dep.spec, pinning: dep.pinning, genai: dep.genai, lockfile: dep.lockfile })),
    },
    skipped: result.skipped,
    summary: {
      files: result.files.filter((file) => !file.skipped).length,
      findings: result.findings.length,
      byRule: countBy(result.findings, (finding) => finding.rule),
      bySeverity: countBy(result.findings, (finding) => finding.severity),
      durationMs: Math.round(durationMs),
    },
  };
}
