import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BaselineError, compareWithBaseline, createBaseline, parseBaseline, serializeBaseline } from '../core/baseline';
import { CONFIG_FILE_NAME, ConfigError } from '../core/config';
import { severities, type Severity } from '../core/finding';
import { REPORT_FORMATS, renderReport } from '../report/index';
import { countBy, TOOL_NAME, TOOL_VERSION, type AuditJson } from '../report/json';
import { findRule, rules } from '../rules';
import { renderRuleDoc } from '../rules/docs';
import { auditWorkspace } from '../workspace/audit';

class UsageError extends Error {}

const FORMATS = REPORT_FORMATS;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

const HELP: Record<string, string> = {
  main: `Usage: ${TOOL_NAME} <command> [options]

Finds the technical debt of LLM applications, statically and offline.

Commands:
  audit [paths…]   audit a workspace (default: the current folder)
  rules            list the rules
  rule <code>      show a rule's documentation
  init [path]      write a starter config, a baseline of today's debt and a CI workflow

Run '${TOOL_NAME} <command> --help' for a command's options.
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error.`,
  audit: `Usage: ${TOOL_NAME} audit [paths…] [options]

Audits the folder (or files) given, default the current folder. With one folder,
paths in the output are relative to it; with several, to the current folder.

Options:
  --format FORMAT          text, json, sarif, markdown, csv or html (default: text); keys are redacted in every format
  --output FILE            write the report to FILE instead of standard output
  --fail-on LEVEL          exit 1 when a finding is at or above LEVEL: error, warning, info, never (default: error)
  --config FILE            config file (default: .genai-debt.json in the audited folder)
  --no-color               no colours in text output (colours are used only on a terminal)
  -q, --quiet              findings only: no inventory, summary or progress (text format)
  --no-git                 do not run git (no tracked-file or prompt-history checks)
  --baseline FILE          report only findings not in FILE (a baseline written by --update-baseline)
  --update-baseline        write today's findings to the baseline (--baseline FILE, default .genai-debt/baseline.json)
  -h, --help               show this help`,
  rules: `Usage: ${TOOL_NAME} rules [--format text|json]

Lists every rule: code, name, family, default severity, fix availability.`,
  init: `Usage: ${TOOL_NAME} init [path]

Sets up a repository (default: the current folder) for GenAI Debt:
  .genai-debt.json                    a starter config
  .genai-debt/baseline.json           today's debt, so that CI fails only for new debt
  .github/workflows/genai-debt.yml    a GitHub Actions job that audits pull requests and uploads SARIF
Existing files are never overwritten.`,
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
      quiet: { type: 'boolean', short: 'q' },
      baseline: { type: 'string', short: 'b' },
      'update-baseline': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return out.print(HELP.audit);
  const format = oneOf(values.format, FORMATS, 'format', 'text');
  const failOn = oneOf(values['fail-on'], FAIL_ON, 'fail-on', 'error');
  const paths = positionals.length ? positionals : ['.'];
  const root = paths.length === 1 ? paths[0] : '.';
  const include = paths.length === 1 ? undefined : paths.map((path) => `${path.replace(/\/+$/, '')}{,/**}`);
  const progress = values.quiet ? { update: () => undefined, done: () => undefined } : out.progress();
  const result = await auditWorkspace(root, { configPath: values.config, include, git: !values['no-git'], onProgress: progress.update });
  progress.done();
  const baselinePath = values.baseline ?? (values['update-baseline'] ? DEFAULT_BASELINE : undefined);
  if (values['update-baseline']) {
    const baseline = createBaseline(result.findings.filter((finding) => finding.acknowledged === null));
    mkdirSync(dirname(resolve(baselinePath!)), { recursive: true });
    writeFileSync(baselinePath!, serializeBaseline(baseline));
    if (!values.quiet) out.error(`${TOOL_NAME}: wrote ${baseline.findings.length} findings to ${baselinePath}\n`);
    return 0;
  }
  if (baselinePath) applyBaseline(result, baselinePath);
  const color = !values['no-color'] && !values.output && out.isTTY && !process.env.NO_COLOR;
  const rendered = renderReport(result, format, { color, quiet: values.quiet });
  if (values.output) writeFileSync(values.output, rendered);
  else out.write(rendered);
  return failing(result, failOn) ? 1 : 0;
}

const DEFAULT_BASELINE = '.genai-debt/baseline.json';

/** Keeps only the findings that are not in the baseline; the summary says how many were, and how many are gone. */
function applyBaseline(result: AuditJson, path: string): void {
  if (!existsSync(path)) throw new BaselineError(`baseline not found: ${path} (write one with --update-baseline)`);
  const comparison = compareWithBaseline(result.findings, parseBaseline(readFileSync(path, 'utf8'), path));
  result.findings = comparison.added;
  result.summary.findings = comparison.added.length;
  result.summary.byRule = countBy(comparison.added, (finding) => finding.rule);
  result.summary.bySeverity = countBy(comparison.added, (finding) => finding.severity);
  result.summary.baseline = { file: path, new: comparison.added.length, existing: comparison.existing.length, fixed: comparison.fixed.length };
}

const STARTER_CONFIG = `{
  // GenAI Debt configuration (see the README, "Configuration"). Comments are allowed.
  // Globs are relative to this folder; .gitignore is honoured too.
  "include": [],
  "exclude": ["**/tests/fixtures/**"],
  // "off", "error", "warning" or "info" per rule code or name; options per rule: \`genai-debt rule <code>\`.
  "rules": {}
}
`;

const WORKFLOW = `name: GenAI Debt
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write
jobs:
  audit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # prompt history for append-only prompts
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Audit (only debt new since the baseline fails the job)
        run: npx genai-debt audit . --baseline ${DEFAULT_BASELINE} --format sarif --output genai-debt.sarif --fail-on warning
      - name: Upload to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: genai-debt.sarif
`;

async function init(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return out.print(HELP.init);
  if (positionals.length > 1) throw new UsageError('init takes one folder');
  const root = positionals[0] ?? '.';
  if (!existsSync(root)) throw new UsageError(`no such folder: ${root}`);
  const write = (relativePath: string, text: () => string) => {
    const path = join(root, relativePath);
    if (existsSync(path)) return out.write(`kept     ${relativePath} (exists)\n`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text());
    out.write(`wrote    ${relativePath}\n`);
  };
  write(CONFIG_FILE_NAME, () => STARTER_CONFIG);
  const result = await auditWorkspace(root, {});
  write(DEFAULT_BASELINE, () => serializeBaseline(createBaseline(result.findings.filter((finding) => finding.acknowledged === null))));
  write('.github/workflows/genai-debt.yml', () => WORKFLOW);
  out.write(`${result.findings.length} findings today; CI will fail only for new ones.\n`);
  return 0;
}

function listRules(args: string[], out: Output): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return out.print(HELP.rules);
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
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

export interface Progress {
  update: (done: number, total: number) => void;
  done: () => void;
}

export interface Output {
  isTTY: boolean;
  /** A progress indicator on stderr (a no-op unless stderr is a terminal). */
  progress(): Progress;
  write(text: string): void;
  error(text: string): void;
  /** Writes a block of text and a newline; returns exit code 0. */
  print(text: string): number;
}

const silentProgress: Progress = { update: () => undefined, done: () => undefined };

export const processOutput: Output = {
  isTTY: Boolean(process.stdout.isTTY),
  progress() {
    if (!process.stderr.isTTY) return silentProgress;
    let last = 0;
    return {
      update(done, total) {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        process.stderr.write(`\r${TOOL_NAME}: analysed ${done}/${total} files`);
      },
      done: () => void process.stderr.write('\r\u001b[K'),
    };
  },
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
      case 'init': return await init(rest, out);
      case '--version': case '-v': return out.print(TOOL_VERSION);
      case undefined: case '--help': case '-h': case 'help': return out.print(HELP.main);
      default: throw new UsageError(`unknown command "${command}" (commands: audit, rules, rule, init)`);
    }
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof BaselineError || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL';
    const detail = process.env.GENAI_DEBT_DEBUG ? (error as Error).stack : (error as Error).message;
    out.error(`${TOOL_NAME}: ${known ? (error as Error).message : `internal error: ${detail} (GENAI_DEBT_DEBUG=1 shows the stack)`}\n`);
    return 2;
  }
}
