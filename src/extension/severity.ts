/**
 * Editor-only severity: `genaiDebt.rules.customizations` remaps what the editor
 * shows (CI keeps the config file's severities), and acknowledged debt is a hint
 * at most. Pure, so it is tested without VS Code.
 */
export type EditorSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface SeverityCustomization {
  /** A rule code or name; `*` matches any run of characters (`GD1*`); a leading `!` matches every other rule. */
  rule: string;
  severity: EditorSeverity | 'downgrade' | 'upgrade' | 'default';
}

const ORDER: EditorSeverity[] = ['hint', 'info', 'warning', 'error'];

function matches(pattern: string, code: string, name: string): boolean {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const regex = new RegExp(`^${body.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  const hit = regex.test(code) || regex.test(name);
  return negated ? !hit : hit;
}

/** The severity the editor shows for a finding; the last matching customization wins. */
export function editorSeverity(
  finding: { rule: string; name: string; severity: string; acknowledged: unknown },
  customizations: readonly SeverityCustomization[],
): EditorSeverity {
  let severity: EditorSeverity = finding.severity === 'error' || finding.severity === 'warning' ? finding.severity : 'info';
  const base = severity;
  for (const custom of customizations) {
    if (!custom || typeof custom.rule !== 'string' || !matches(custom.rule, finding.rule, finding.name)) continue;
    if (custom.severity === 'default') severity = base;
    else if (custom.severity === 'downgrade') severity = severity === 'off' ? 'off' : ORDER[Math.max(0, ORDER.indexOf(base) - 1)];
    else if (custom.severity === 'upgrade') severity = severity === 'off' ? 'off' : ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(base) + 1)];
    else if (['error', 'warning', 'info', 'hint', 'off'].includes(custom.severity)) severity = custom.severity;
  }
  if (finding.acknowledged && severity !== 'off') return 'hint';
  return severity;
}
