/**
 * Baselines: the debt a team has today, so that CI fails only for new debt.
 * Findings are matched by fingerprint (rule + file + normalised code, never the
 * line), so edits elsewhere in a file do not make old debt look new.
 */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
  /** For the reader of the file; not used for matching. */
  message: string;
}

export interface Baseline {
  version: 1;
  tool: 'genai-debt';
  findings: BaselineEntry[];
}

export interface BaselineComparison<T> {
  /** Findings not in the baseline. */
  added: T[];
  /** Findings already in the baseline. */
  existing: T[];
  /** Baseline entries no longer found: debt paid off (or moved beyond recognition). */
  fixed: BaselineEntry[];
}

export class BaselineError extends Error {}

type Fingerprinted = { fingerprint: string; rule: string; file: string; message: string };

export function createBaseline(findings: readonly Fingerprinted[]): Baseline {
  const entries = findings.map(({ fingerprint, rule, file, message }) => ({ fingerprint, rule, file, message }));
  // Sorted and one entry per line when serialised: baselines are reviewed in diffs.
  entries.sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, tool: 'genai-debt', findings: entries };
}

export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((entry) => '    ' + JSON.stringify(entry));
  return `{\n  "version": 1,\n  "tool": "genai-debt",\n  "findings": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

export function parseBaseline(text: string, source: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BaselineError(`${source}: not a baseline file (invalid JSON)`);
  }
  const candidate = raw as Partial<Baseline>;
  if (typeof raw !== 'object' || raw === null || candidate.version !== 1 || !Array.isArray(candidate.findings)) {
    throw new BaselineError(`${source}: not a genai-debt baseline (version 1 with a "findings" list); write one with --update-baseline`);
  }
  for (const entry of candidate.findings) {
    if (typeof entry?.fingerprint !== 'string' || typeof entry.rule !== 'string' || typeof entry.file !== 'string') {
      throw new BaselineError(`${source}: every finding needs "fingerprint", "rule" and "file"`);
    }
  }
  return candidate as Baseline;
}

export function compareWithBaseline<T extends Fingerprinted>(findings: readonly T[], baseline: Baseline): BaselineComparison<T> {
  const known = new Map(baseline.findings.map((entry) => [entry.fingerprint, entry]));
  const seen = new Set<string>();
  const added: T[] = [];
  const existing: T[] = [];
  for (const finding of findings) {
    if (known.has(finding.fingerprint)) {
      existing.push(finding);
      seen.add(finding.fingerprint);
    } else added.push(finding);
  }
  return { added, existing, fixed: baseline.findings.filter((entry) => !seen.has(entry.fingerprint)) };
}
