import type { Location } from './facts';

export type Severity = 'error' | 'warning' | 'info';
export const severities: readonly Severity[] = ['error', 'warning', 'info'];

export type Family = 'prompt-stuffing' | 'tool-sprawl' | 'tracing' | 'versioning' | 'security' | 'evaluation' | 'ledger';

export interface RelatedLocation {
  loc: Location;
  message: string;
}

export interface Fix {
  title: string;
  safety: 'safe' | 'unsafe';
  edits: { loc: Location; newText: string }[];
}

export interface Finding {
  rule: string;
  name: string;
  family: Family;
  severity: Severity;
  loc: Location;
  messageId: string;
  message: string;
  /** Rule-specific figures the report shows (tokens, cost per 1k calls). */
  impact: { tokens: number; costPer1kCalls: number | null };
  related: RelatedLocation[];
  fix: Fix | null;
  /** Stable across edits elsewhere in the file; filled by the engine. */
  fingerprint: string;
  /** Set when a ledger directive accepts this finding (issue: the debt ledger). */
  acknowledged: { reason: string | null; ticket: string | null } | null;
}
