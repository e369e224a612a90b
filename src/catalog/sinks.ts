import type { Sink } from '../core/facts';

/**
 * Dangerous sinks and the sanitisers that make a value safe for them, as data.
 * Front-ends match calls by their callee (origin path, or the callee text for
 * builtins and method names) and report the argument the sink consumes.
 */

export interface SinkShape {
  id: string;
  category: Sink['category'];
  language: 'python' | 'typescript';
  /**
   * How the callee is recognised. `callee`: the exact origin path or callee text
   * (`eval`, `subprocess.run`); `method`: a method name on a receiver whose text
   * matches `receiver` (`cursor.execute`).
   */
  callee?: readonly string[];
  method?: readonly string[];
  receiver?: RegExp;
  /** Which argument is consumed: a position, or `all` (`new Function(a, b, body)`). */
  argument: number | 'all';
  /** A keyword (Python) / option (JS) that must be set to `true` for the call to be a sink (`shell=True`). */
  requiresFlag?: string;
  /** Constructed with `new` (JS). */
  construct?: boolean;
  /**
   * A shell named in the argument vector runs a command line: Python `["bash", "-c", cmd]` (the
   * consumed argument is that list), JS `spawn("bash", ["-c", cmd])` (the program is the argument
   * before it). Only the command line after the shell's flag is consumed.
   */
  shellArgv?: 'in-list' | 'program-before';
}

/** Receivers of `.execute(…)`/`.query(…)` that are database handles, not agents or tools. */
const DATABASE_RECEIVER = /(^|[._])(cursor|cur|conn|connection|con|db|database|sql|sqlite|sqlite3|duckdb|session|engine|client\.query|pool|knex|prisma)$/i;

export const sinkShapes: readonly SinkShape[] = [
  // Python
  { id: 'eval', category: 'code', language: 'python', callee: ['eval', 'builtins.eval'], argument: 0 },
  { id: 'exec', category: 'code', language: 'python', callee: ['exec', 'builtins.exec'], argument: 0 },
  { id: 'compile', category: 'code', language: 'python', callee: ['compile', 'builtins.compile'], argument: 0 },
  { id: 'os.system', category: 'shell', language: 'python', callee: ['os.system', 'os.popen', 'subprocess.getoutput', 'subprocess.getstatusoutput', 'commands.getoutput'], argument: 0 },
  { id: 'subprocess-shell', category: 'shell', language: 'python', callee: ['subprocess.run', 'subprocess.call', 'subprocess.Popen', 'subprocess.check_output', 'subprocess.check_call'], argument: 0, requiresFlag: 'shell' },
  { id: 'subprocess-shell', category: 'shell', language: 'python', callee: ['asyncio.create_subprocess_shell'], argument: 0 },
  { id: 'subprocess-shell', category: 'shell', language: 'python', callee: ['subprocess.run', 'subprocess.call', 'subprocess.Popen', 'subprocess.check_output', 'subprocess.check_call'], argument: 0, shellArgv: 'in-list' },
  { id: 'pickle.loads', category: 'deserialize', language: 'python', callee: ['pickle.loads', 'pickle.load', 'cPickle.loads', 'dill.loads', 'cloudpickle.loads', 'marshal.loads', 'yaml.unsafe_load', 'jsonpickle.decode'], argument: 0 },
  { id: 'sql-execute', category: 'sql', language: 'python', method: ['execute', 'executemany', 'executescript', 'exec_driver_sql'], receiver: DATABASE_RECEIVER, argument: 0 },
  { id: 'sql-execute', category: 'sql', language: 'python', callee: ['pandas.read_sql', 'pandas.read_sql_query', 'duckdb.sql', 'duckdb.query'], argument: 0 },
  { id: 'unsafe-html', category: 'html', language: 'python', callee: ['streamlit.markdown', 'streamlit.write', 'streamlit.html'], argument: 0, requiresFlag: 'unsafe_allow_html' },
  { id: 'unsafe-html', category: 'html', language: 'python', callee: ['streamlit.components.v1.html', 'markupsafe.Markup', 'flask.Markup', 'django.utils.safestring.mark_safe', 'IPython.display.HTML', 'IPython.core.display.HTML'], argument: 0 },
  // TypeScript / JavaScript
  { id: 'eval', category: 'code', language: 'typescript', callee: ['eval', 'window.eval', 'globalThis.eval'], argument: 0 },
  { id: 'new-function', category: 'code', language: 'typescript', callee: ['Function'], argument: 'all', construct: true },
  { id: 'vm.runIn', category: 'code', language: 'typescript', callee: ['vm.runInNewContext', 'vm.runInThisContext', 'vm.runInContext', 'vm.compileFunction', 'node:vm.runInNewContext', 'node:vm.runInThisContext', 'node:vm.runInContext'], argument: 0 },
  { id: 'vm.runIn', category: 'code', language: 'typescript', callee: ['vm.Script', 'node:vm.Script'], argument: 0, construct: true },
  { id: 'child_process.exec', category: 'shell', language: 'typescript', callee: ['child_process.exec', 'child_process.execSync', 'node:child_process.exec', 'node:child_process.execSync', 'execa.execaCommand', 'shelljs.exec'], argument: 0 },
  { id: 'child_process.exec', category: 'shell', language: 'typescript', callee: ['child_process.spawn', 'child_process.spawnSync', 'node:child_process.spawn', 'node:child_process.spawnSync'], argument: 0, requiresFlag: 'shell' },
  { id: 'child_process.exec', category: 'shell', language: 'typescript', callee: ['child_process.spawn', 'child_process.spawnSync', 'child_process.execFile', 'child_process.execFileSync', 'node:child_process.spawn', 'node:child_process.spawnSync', 'node:child_process.execFile', 'node:child_process.execFileSync', 'execa.execa', 'execa.execaSync'], argument: 1, shellArgv: 'program-before' },
  { id: 'document.write', category: 'html', language: 'typescript', callee: ['document.write', 'document.writeln'], argument: 0 },
  { id: 'innerHTML', category: 'html', language: 'typescript', method: ['insertAdjacentHTML'], argument: 1 },
  { id: 'sql-execute', category: 'sql', language: 'typescript', method: ['query', 'execute', 'exec', 'raw', 'unsafe'], receiver: DATABASE_RECEIVER, argument: 0 },
  { id: 'sql-execute', category: 'sql', language: 'typescript', method: ['$queryRawUnsafe', '$executeRawUnsafe'], argument: 0 },
];

/** Shells, and the flags after which they run the next argument as a command line. */
const shellCommandFlags: Record<string, readonly string[]> = {
  sh: ['-c'], bash: ['-c'], zsh: ['-c'], dash: ['-c'], ksh: ['-c'], fish: ['-c'], ash: ['-c'],
  cmd: ['/c', '/C', '/k', '/K'], powershell: ['-Command', '-command', '-c'], pwsh: ['-Command', '-command', '-c'],
};

/** Whether `program flag …` runs its next argument through a shell (`bash -c`, `/bin/sh -c`, `cmd.exe /c`). */
export function isShellCommandFlag(program: string, flag: string): boolean {
  const name = program.slice(program.search(/[^/\\]*$/)).replace(/\.exe$/i, '');
  return shellCommandFlags[name]?.includes(flag) ?? false;
}

/** The last names of sink callees and methods (`run`, `system`, `execute`), to rule calls out before resolving them. */
export function sinkCalleeNames(language: SinkShape['language']): ReadonlySet<string> {
  return new Set(sinkShapes.filter((shape) => shape.language === language)
    .flatMap((shape) => [...(shape.callee ?? []).map((path) => path.slice(path.lastIndexOf('.') + 1)), ...(shape.method ?? [])]));
}

/** Property assignments that write HTML (`el.innerHTML = x`) and the JSX attribute React uses for it. */
export const htmlProperties: readonly string[] = ['innerHTML', 'outerHTML'];
export const htmlJsxAttribute = 'dangerouslySetInnerHTML';

/**
 * Calls whose result is safe for a sink, or validated against a schema: a
 * value passed through one of these no longer carries model output on. Matched
 * on the callee's last segment(s), so `Answer.model_validate_json(…)` and
 * `schema.parse(…)` both count.
 */
export const sanitizers: Record<'python' | 'typescript', readonly string[]> = {
  python: [
    'model_validate', 'model_validate_json', 'parse_obj', 'parse_raw', 'validate_python', 'validate_json', 'validate',
    'ast.literal_eval', 'literal_eval', 'int', 'float', 'bool', 'shlex.quote', 'quote', 'html.escape', 'escape', 'bleach.clean', 'clean',
    'sanitize', 'sanitize_html', 'markdown.markdown', 'len',
  ],
  typescript: [
    'parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateSync', 'assert', 'is', 'Number', 'parseInt', 'parseFloat', 'Boolean',
    'sanitize', 'DOMPurify.sanitize', 'sanitizeHtml', 'escape', 'escapeHtml', 'encodeURIComponent', 'encodeURI', 'quote', 'shellQuote',
  ],
};

/** Whether a callee (its text) is a sanitiser: the whole text or its last segment is listed. */
export function isSanitizer(language: 'python' | 'typescript', callee: string): boolean {
  const list = sanitizers[language];
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  // `JSON.parse` parses, it does not validate: model output parsed as JSON is still model output.
  if (callee === 'JSON.parse') return false;
  return list.includes(callee) || list.includes(last);
}
