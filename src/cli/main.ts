import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/config';
import { severities, type Severity } from '../core/finding';
import { renderText } from '../report/text';
import { TOOL_NAME, TOOL_VERSION, type AuditJson } from '../report/json';
import { findRule, rules } from '../rules';
import { renderRuleDoc } from '../rules/docs';
import { auditWorkspace } from '../workspace/audit';

class UsageError extends Error {}

const FORMATS = ['text', 'json'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

const HELP: Record<string, string> = {
  main: `Usage: ${TOOL_NAME} <command> [options]

Finds the technical debt of LLM applications, statically and offline.

Commands:
  audit [paths…]   audit a workspace (default: the current folder)
  rules            list the rules
  rule <code>      show a rule's documentation

Run '${TOOL_NAME} <command> --help' for a command's options.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error.`,
  audit: `Usage: ${TOOL_NAME} audit [paths…] [options]

Audits the folder (or files) given, default the current folder. With one folder,
paths in the output are relative to it; with several, to the current folder.

Options:
  --format text|json       output format (default: text)
  --output FILE            write the report to FILE instead of standard output
  --fail-on LEVEL          exit 1 when a finding is at or above LEVEL: error, warning, info, never (default: error)
  --config FILE            config file (default: .genai-debt.json in the audited folder)
  --no-color               no colours in text output (colours are used only on a terminal)
  --no-git                 do not run git (no tracked-file or prompt-history checks)
  -h, --help               show this help`,
  rules: `Usage: ${TOOL_NAME} rules [--format text|json]

Lists every rule: code, name, family, default severity, fix availability.`,
  rule: `Usage: ${TOOL_NAME} rule <code|name>

Shows a rule's documentation: what it does, why it is bad, an example, what to
use instead, fix safety and options.`,
};

function failing(audit: AuditJson, failOn: (typeof FAIL_ON)[number]): boolean {
  if (failOn === 'never') return false;
  const threshold = severities.indexOf(failOn as Severity);
  return audit.findings.some((finding) => finding.acknowledged === null && severities.indexOf(finding.severity as Severity) <= threshold);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

async function audit(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      config: { type: 'string', short: 'c' },
      'no-color': { type: 'boolean' },
      'no-git': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return out.print(HELP.audit);
  const format = oneOf(values.format, FORMATS, 'format', 'text');
  const failOn = oneOf(values['fail-on'], FAIL_ON, 'fail-on', 'error');
  const paths = positionals.length ? positionals : ['.'];
  const root = paths.length === 1 ? paths[0] : '.';
  const include = paths.length === 1 ? undefined : paths.map((path) => `${path.replace(/\/+$/, '')}{,/**}`);
  const result = await auditWorkspace(root, { configPath: values.config, include, git: !values['no-git'] });
  const color = !values['no-color'] && !values.output && out.isTTY && !process.env.NO_COLOR;
  const rendered = format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderText(result, { color });
  if (values.output) writeFileSync(values.output, rendered);
  else out.write(rendered);
  return failing(result, failOn) ? 1 : 0;
}

function listRules(args: string[], out: Output): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return out.print(HELP.rules);
  const format = oneOf(values.format, FORMATS, 'format', 'text');
  if (format === 'json') {
    out.write(JSON.stringify(rules.map(({ code, name, family, severity, status, fix }) => ({ code, name, family, severity, status, fix })), null, 2) + '\n');
    return 0;
  }
  for (const rule of rules) out.write(`${rule.code}  ${rule.name.padEnd(40)} ${rule.family.padEnd(16)} ${rule.severity.padEnd(8)} fix: ${rule.fix}\n`);
  return 0;
}

function showRule(args: string[], out: Output): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return out.print(HELP.rule);
  if (positionals.length !== 1) throw new UsageError('name one rule, e.g. `rule GD401`');
  const rule = findRule(positionals[0]);
  if (!rule) throw new UsageError(`unknown rule "${positionals[0]}" (see \`${TOOL_NAME} rules\`)`);
  return out.print(renderRuleDoc(rule));
}

export interface Output {
  isTTY: boolean;
  write(text: string): void;
  error(text: string): void;
  /** Writes a block of text and a newline; returns exit code 0. */
  print(text: string): number;
}

export const processOutput: Output = {
  isTTY: Boolean(process.stdout.isTTY),
  write: (text) => void process.stdout.write(text),
  error: (text) => void process.stderr.write(text),
  print(text) {
    process.stdout.write(text + '\n');
    return 0;
  },
};

/** Runs the CLI; returns the exit code. Every expected failure is one line on stderr and code 2. */
export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'audit': return await audit(rest, out);
      case 'rules': return listRules(rest, out);
      case 'rule': return showRule(rest, out);
      case '--version': case '-v': return out.print(TOOL_VERSION);
      case undefined: case '--help': case '-h': case 'help': return out.print(HELP.main);
      default: throw new UsageError(`unknown command "${command}" (commands: audit, rules, rule)`);
    }
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL';
    const detail = process.env.GENAI_DEBT_DEBUG ? (error as Error).stack : (error as Error).message;
    out.error(`${TOOL_NAME}: ${known ? (error as Error).message : `internal error: ${detail} (GENAI_DEBT_DEBUG=1 shows the stack)`}\n`);
    return 2;
  }
}
