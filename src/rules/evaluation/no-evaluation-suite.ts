import type { FileFacts, LlmCall } from '../../core/facts';
import { defineRule, type WorkspaceContext } from '../../core/rule';
import { assertionPattern, evaluationSignals, isTestFile } from '../../catalog/evaluation';
import { findSignals, projectsWithoutSignal, type SignalHit } from './quality-signals';

const lookedFor = `${evaluationSignals.map((signal) => signal.name).join(', ')}, or tests that call the LLM code with assertions`;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What LLM code is called by: its functions' names and its modules' names. */
function llmEntryPoints(facts: FileFacts): { functions: Set<string>; modules: Set<string> } {
  const functions = new Set<string>();
  const modules = new Set<string>();
  for (const call of facts.llmCalls) {
    const names = entryNamesOf(call);
    if (names.function) functions.add(names.function);
    if (names.module) modules.add(names.module);
  }
  return { functions, modules };
}

/** Remembered per call: after an edit only the edited file's calls are new objects. */
const entryNames = new WeakMap<LlmCall, { function: string | null; module: string | null }>();

function entryNamesOf(call: LlmCall): { function: string | null; module: string | null } {
  let names = entryNames.get(call);
  if (!names) {
    const name = call.enclosingFunction?.split('.').pop();
    const base = call.loc.file.split('/').pop()!.replace(/\.[^.]+$/, '');
    names = {
      // Short or generic names (`run`, `main`) would match any test.
      function: name && name.length >= 5 && !/^(main|invoke|__init__|__call__|handler|default)$/.test(name) ? name : null,
      module: base.length >= 3 && !/^(index|main|app|utils?)$/.test(base) ? base : null,
    };
    entryNames.set(call, names);
  }
  return names;
}

/** Test files with assertions that call LLM code: an LLM call of their own, a call of an LLM function, or an import of an LLM module. */
function llmTests(context: WorkspaceContext): SignalHit[] {
  const { functions, modules } = llmEntryPoints(context.facts);
  const callsIn = new Set(context.facts.llmCalls.map((call) => call.loc.file));
  const entries = entryPatterns(functions, modules);
  // Asked again of every test file when the entry points change (a new question), else of edited files.
  const tests = context.textsWhere(`GD701 tests of entry points #${entries.version}`, (file, text) => (isTestFile(file) && assertionPattern.test(text) ? entries.callsEntry(text) : null));
  return [...tests].filter(([file, callsEntry]) => callsEntry || callsIn.has(file)).map(([file]) => ({ file, name: 'tests of LLM code' }));
}

interface EntryPatterns {
  functions: ReadonlySet<string>;
  modules: ReadonlySet<string>;
  /** Numbers the sets of entry points seen, so a question can name the set it was asked for. */
  version: number;
  /** Whether a text calls an LLM function or imports an LLM module. */
  callsEntry(text: string): boolean;
}

/** The last set of entry points and its patterns: it rarely changes from one phase 2 to the next. */
let lastEntries: EntryPatterns | undefined;

function entryPatterns(functions: ReadonlySet<string>, modules: ReadonlySet<string>): EntryPatterns {
  if (lastEntries && sameSet(lastEntries.functions, functions) && sameSet(lastEntries.modules, modules)) return lastEntries;
  const functionNames = [...functions].sort().map(escapeRegex);
  const moduleNames = [...modules].sort().map(escapeRegex);
  const functionCall = functionNames.length ? new RegExp(`\\b(?:${functionNames.join('|')})\\s*\\(`) : null;
  const moduleImport = moduleNames.length ? new RegExp(`(?:\\bfrom\\s+[\\w.]*\\b|\\bimport\\s+[\\w.]*\\b|from\\s+['"][^'"]*/)(?:${moduleNames.join('|')})\\b`) : null;
  return (lastEntries = {
    functions, modules, version: (lastEntries?.version ?? 0) + 1,
    callsEntry: (text) => Boolean(functionCall?.test(text) || moduleImport?.test(text)),
  });
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/**
 * GD701 no-evaluation-suite. A project that calls LLMs with no evaluation
 * harness anywhere it can reach: one workspace finding per project, on its
 * most-called LLM entry point.
 */
export const noEvaluationSuite = defineRule({
  code: 'GD701',
  name: 'no-evaluation-suite',
  family: 'evaluation',
  severity: 'info',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: {
    none: 'No evaluation suite found for the {calls} LLM call(s) of {project}; looked for {lookedFor}',
  },
  docs: {
    whatItDoes: `Reports a project (a folder with a dependency manifest, as the tracing rules use) that makes LLM calls while no evaluation harness is found in it, in a project around it, or in a project nested in it. Looked for: ${lookedFor} (a test file, by its path, with an assertion and an LLM call of its own, a call of a function that holds an LLM call, or an import of a module that does). The finding sits on the project's most-called LLM entry point (the function holding most call sites) and says what was looked for, so a team that evaluates another way can acknowledge it with a ledger directive. LLM calls in tests, evaluations, benchmarks and docs (by path) are not the app's and do not make a project. A repository of many example apps is judged app by app: a harness in one app does not cover the others, one at the repository root covers all.`,
    whyIsThisBad: 'Without an evaluation suite a prompt edit, a model upgrade or a retriever change ships on a hunch: quality regressions are silent and found by users. Evaluation is the continuous testing that LLM behaviour, which changes under a fixed code base, needs.',
    example: { path: 'app.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef answer(question):\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n' },
    useInstead: { path: 'app.py', code: 'import mlflow\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n\ndef answer(question):\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n\n\ndef evaluate_answers(data, scorers):\n    return mlflow.genai.evaluate(data=data, predict_fn=answer, scorers=scorers)\n' },
    fixSafety: 'No fix: an evaluation suite needs a data set and metrics only the team can choose.',
    references: [
      { title: 'OpenAI: evaluation best practices', url: 'https://platform.openai.com/docs/guides/evaluation-best-practices' },
      { title: 'Anthropic: create strong empirical evaluations', url: 'https://docs.anthropic.com/en/docs/test-and-evaluate/develop-tests' },
      { title: 'promptfoo: getting started', url: 'https://www.promptfoo.dev/docs/getting-started/' },
    ],
  },
  checkWorkspace(context) {
    const hits = [...findSignals(context, 'GD701 signals', evaluationSignals), ...llmTests(context)];
    return projectsWithoutSignal(context, hits, (project, entry, calls) => ({
      loc: entry.loc,
      messageId: 'none',
      data: { calls, project: project === '' ? 'the workspace' : `\`${project}/\``, lookedFor },
    }));
  },
});
