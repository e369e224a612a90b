import type { TracingSetup } from '../../core/facts';
import { tracingEnvSignals } from '../../catalog/tracing';
import type { LineIndex } from './text-positions';

const assignmentPattern = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*)$/;

/**
 * Tracing switches in `.env` files (`LANGSMITH_TRACING=true`,
 * `OPENAI_AGENTS_DISABLE_TRACING=1`). Only catalogued switches are read:
 * other values (keys, secrets) never leave this function.
 */
export function tracingFromEnv(file: string, text: string, lines: LineIndex): TracingSetup[] {
  const setups: TracingSetup[] = [];
  const rows = text.split('\n');
  rows.forEach((row, index) => {
    const match = assignmentPattern.exec(row.replace(/\r$/, ''));
    if (!match) return;
    const [, prefix, name, rawValue] = match;
    const signal = tracingEnvSignals.find((candidate) => candidate.name === name);
    if (!signal) return;
    const written = valueAsWritten(rawValue);
    if (!signal.values.includes(unquote(written).toLowerCase())) return;
    const line = index + 1;
    const start = lines.lineStart(line) + prefix.length;
    const end = start + (rawValue === '' ? name.length : match[0].length - prefix.length - (rawValue.length - written.length));
    setups.push({
      kind: 'tracing',
      loc: lines.location(file, start, end),
      library: signal.library,
      scope: signal.scope,
      covers: [...signal.covers],
      target: null,
      signal: `${name}=${unquote(written)}`,
    });
  });
  return setups;
}

/** The value without an inline ` # comment` and trailing blanks; quoted values keep their quotes. */
function valueAsWritten(raw: string): string {
  const quoted = /^(["'])(.*?)\1/.exec(raw);
  if (quoted) return quoted[0];
  const comment = raw.search(/\s#/);
  return (comment >= 0 ? raw.slice(0, comment) : raw).trimEnd();
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
