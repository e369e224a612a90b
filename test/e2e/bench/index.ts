// The measuring side of bench/extension-host.mjs, run inside the extension host as the
// "extension tests" of a cold copy of the extension (no activation events). Records
// metrics as JSON lines in GENAI_DEBT_E2E_RESULTS; see the bench script for what each means.
import * as vscode from 'vscode';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EXTENSION_ID, SOURCE, codeOf, waitFor, workspaceUri } from '../support/helpers';

function record(event: Record<string, unknown>): void {
  const file = process.env.GENAI_DEBT_E2E_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(event)}\n`);
}

function metric(name: string, value: unknown): void {
  record({ type: 'metric', name, value });
}

/** RSS (MB) of the extension host's child processes running the extension's analysis (`worker.js --folder`). */
function analysisProcessRssMb(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--folder')) continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      // the process ended while it was read
    }
  }
  return total;
}

function filesWithFindings(): { files: number; findings: number } {
  let files = 0;
  let findings = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    const ours = diagnostics.filter((d) => d.source === SOURCE).length;
    if (ours > 0) files++;
    findings += ours;
  }
  return { files, findings };
}

interface EditTiming {
  /** `performance.now()` at applyEdit. */
  startedAt: number;
  /** From applyEdit until the extension host hears of the change (VS Code's own part). */
  reachedMs: number;
  /** From applyEdit until the file's diagnostics show the change (set on the collection, sent to the editor). */
  diagnosticsMs: number;
  /**
   * From applyEdit until onDidChangeDiagnostics tells listeners: VS Code delays that event
   * by up to 50 ms (a DebounceEmitter in the extension host), so this is not what the user waits for.
   */
  eventMs: number;
}

/** The pause between two timed edits. */
const SETTLE_MS = 200;

/** What the bench uses of the extension's test API. */
interface BenchApi {
  whenIdle(): Promise<void>;
  lastUpdate(): { analysisMs: number; publishMs: number; listenersMs: number; finishedAt: number } | undefined;
  onDidPublish: vscode.Event<void>;
}

/**
 * Times one edit of the call's `model=` line until the file's diagnostics agree with `expectUnpinned`.
 * The line gets a comment with the edit's number, so every text is new, as typing makes it: no
 * edit finds its phase 1 result in the content-hash cache.
 */
async function timedEdit(api: BenchApi, document: vscode.TextDocument, line: string, expectUnpinned: boolean): Promise<EditTiming> {
  const match = /model="[^"\n]*"[^\n]*/.exec(document.getText());
  if (!match) throw new Error(`no model= line in ${document.uri.fsPath}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length)), line);
  const agrees = () => vscode.languages.getDiagnostics(document.uri)
    .some((d) => d.source === SOURCE && codeOf(d) === 'GD401') === expectUnpinned;
  const settledWhen = (subscribe: (listener: () => void) => vscode.Disposable, what: string) => {
    let at = 0;
    let subscription: vscode.Disposable | undefined;
    const settled = new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`no ${what} after 10 s`)), 10_000);
      subscription = subscribe(() => {
        if (at === 0 && agrees()) {
          at = performance.now();
          clearTimeout(timeout);
          resolve(at);
        }
      });
    });
    return { settled, dispose: () => subscription?.dispose() };
  };
  // The extension hands diagnostics to VS Code, then fires onDidPublish: at that moment
  // getDiagnostics (which reads the same collection) shows them, and the editor is sent them.
  const published = settledWhen((listener) => api.onDidPublish(listener), 'diagnostics');
  const event = settledWhen((listener) => vscode.languages.onDidChangeDiagnostics((change) => {
    if (change.uris.some((uri) => uri.toString() === document.uri.toString())) listener();
  }), 'diagnostics event');
  let reachedAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument((change) => {
    if (change.document.uri.toString() === document.uri.toString() && reachedAt === 0) reachedAt = performance.now();
  });
  try {
    const started = performance.now();
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('applyEdit failed');
    const [diagnosticsAt, eventAt] = await Promise.all([published.settled, event.settled]);
    return { startedAt: started, reachedMs: reachedAt - started, diagnosticsMs: diagnosticsAt - started, eventMs: eventAt - started };
  } finally {
    published.dispose();
    event.dispose();
    changes.dispose();
  }
}

async function measure(): Promise<void> {
  metric('vscodeVersion', vscode.version);
  metric('hostNode', process.version);
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not in this host`);
  if (extension.isActive) throw new Error('the extension was already active: the activation time would not be cold');
  metric('hostRssBeforeMb', process.memoryUsage().rss / 2 ** 20);
  metric('hostHeapBeforeMb', process.memoryUsage().heapUsed / 2 ** 20);
  const activationStart = performance.now();
  const api = await extension.activate() as BenchApi;
  metric('activationMs', performance.now() - activationStart);

  // The extension starts its whole-workspace audit right after activation; whenIdle() settles when it is done.
  await api.whenIdle();
  metric('firstAuditMs', performance.now() - activationStart);
  const { files, findings } = filesWithFindings();
  metric('filesWithFindings', files);
  metric('workspaceFindings', findings);
  const memory = process.memoryUsage();
  metric('hostRssMb', memory.rss / 2 ** 20);
  metric('hostHeapMb', memory.heapUsed / 2 ** 20);
  metric('hostExternalMb', memory.external / 2 ** 20);
  metric('hostHeapTotalMb', memory.heapTotal / 2 ** 20);
  metric('hostHeapSpacesMb', Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, Math.round(space.space_used_size / 2 ** 20)])));
  // What the host keeps: 10 s later, and after a full garbage collection (the measuring code
  // asks V8 for one, as bench/parse-vs-audit.mjs does; the extension never does).
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  metric('hostRssLaterMb', process.memoryUsage().rss / 2 ** 20);
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const collected = process.memoryUsage();
  metric('hostRssCollectedMb', collected.rss / 2 ** 20);
  metric('hostHeapCollectedMb', collected.heapUsed / 2 ** 20);
  metric('analysisProcessRssMb', analysisProcessRssMb());

  const delay = vscode.workspace.getConfiguration('genaiDebt').get<number>('onTypeDelay');
  metric('debounceMs', delay);
  const document = await vscode.workspace.openTextDocument(workspaceUri(process.env.GENAI_DEBT_BENCH_EDIT_FILE ?? ''));
  await vscode.window.showTextDocument(document);
  await waitFor('the edited file to be analysed', () => vscode.languages.getDiagnostics(document.uri)
    .every((d) => codeOf(d) !== 'GD401'), 30_000);
  const latencies: EditTiming[] = [];
  const parts: { analysisMs: number; publishMs: number; listenersMs: number }[] = [];
  const finals: number[] = [];
  const warmup: number[] = [];
  const edits = Number(process.env.GENAI_DEBT_BENCH_EDITS ?? 60);
  // The first edits of the document pay one-time costs (the first applyEdit took ~0.5 s to reach
  // the extension host) and run code not yet optimised: over about the first ten edits the
  // latency falls to its steady level. They are timed and reported apart.
  const warmupEdits = Number(process.env.GENAI_DEBT_BENCH_WARMUP ?? 10);
  for (let i = 0; i < warmupEdits + edits; i++) {
    const unpinning = i % 2 === 0;
    const model = unpinning ? 'gpt-4o' : 'gpt-4o-2024-08-06';
    const timing = await timedEdit(api, document, `model="${model}",  # edit ${i + 1}`, unpinning);
    if (i < warmupEdits) {
      warmup.push(timing.diagnosticsMs);
      await api.whenIdle();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      continue;
    }
    latencies.push(timing);
    // Each edit starts from a quiet editor, as typing does after the debounce: what the last one
    // set off (phase 2, CodeLens, the Problems view, the status item) has finished.
    await api.whenIdle();
    const update = api.lastUpdate();
    if (update) {
      parts.push(update);
      finals.push(update.finishedAt - timing.startedAt);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
  metric('editWarmupMs', warmup);
  metric('editFinalMs', finals);
  metric('editAnalysisMs', parts.map((part) => part.analysisMs));
  metric('editPublishMs', parts.map((part) => part.publishMs));
  metric('editListenersMs', parts.map((part) => part.listenersMs));
  metric('editLatenciesMs', latencies.map((timing) => timing.diagnosticsMs));
  metric('editReachedMs', latencies.map((timing) => timing.reachedMs));
  metric('editEventMs', latencies.map((timing) => timing.eventMs));
  metric('editOwnMs', latencies.map((timing) => timing.diagnosticsMs - timing.reachedMs));
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

export async function run(): Promise<void> {
  try {
    await measure();
  } catch (error) {
    record({ type: 'fail', title: 'bench', error: error instanceof Error ? error.stack : String(error) });
    throw error;
  }
}
