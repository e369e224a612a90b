import { defineRule, type Report } from '../../core/rule';
import { computeCoverage, type Coverage } from '../../core/coverage';
import { groupBy } from '../../core/group';
import type { FileFacts, LlmCall } from '../../core/facts';
import { callShapes } from '../../catalog/sdk-calls';
import { tracingShapes } from '../../catalog/tracing';
import { conditionalContext } from './branches';
import { consumesEarlierStep } from './data-flow';
import { isTestPath } from './test-paths';
import { decoratorFix, workspaceDecorator } from './workspace-tracing';

/** Constructions (`ChatOpenAI(…)`, `Agent(…)`) configure a model; only calls that run one are steps. */
const constructions = new Set(callShapes.filter((shape) => shape.construct).map((shape) => `${shape.provider}\0${shape.api}`));

/** Tracing switched on by a call's own option (AI SDK `experimental_telemetry`) traces that call alone, not its function. */
const perCallLibraries = new Set(tracingShapes.filter((shape) => shape.callOptions).map((shape) => shape.library));

function isStep(call: LlmCall): boolean {
  return call.enclosingFunction !== null && !constructions.has(`${call.provider}\0${call.api}`);
}

function functionKey(call: LlmCall): string {
  return `${call.loc.file}\0${call.loc.cell ?? ''}\0${call.enclosingFunction}`;
}

/** `outer.inner` is inside `outer`: a decorator on `outer` spans `inner`'s calls too (they run in its trace). */
function isSameOrOuter(target: string, name: string): boolean {
  return name === target || name.startsWith(`${target}.`);
}

/**
 * One span over the whole function: a tracing decorator or wrapper on it (or on
 * a function around it), a span opened in it before its first step, or every
 * step inside the same span block.
 */
function spannedAsOne(steps: LlmCall[], facts: FileFacts, coverage: Map<LlmCall, Coverage>): boolean {
  const [first] = steps;
  const name = first.enclosingFunction!;
  const spanned = facts.tracing.some((setup) => setup.scope === 'function' && setup.target !== null && !perCallLibraries.has(setup.library) && setup.loc.file === first.loc.file && setup.loc.cell === first.loc.cell
    && (setup.signal.startsWith('@') ? isSameOrOuter(setup.target, name) : setup.target === name && setup.loc.line <= first.loc.line));
  if (spanned) return true;
  const scopes = steps.map((step) => coverage.get(step));
  if (scopes.every((seen) => seen?.scope === 'function' && !perCallLibraries.has(seen.tracedBy ?? ''))) return true;
  return scopes.every((seen) => seen?.scope === 'block' && seen.signal === scopes[0]?.signal);
}

/** The largest set of steps that run one after another: under the same conditional branches. */
function sequencedSteps(steps: LlmCall[], text: string): LlmCall[] {
  if (steps.length < 2) return steps;
  const lines = text.split('\n');
  const branches = groupBy(steps, (step) => conditionalContext(lines, step.loc.line));
  return [...branches.values()].sort((a, b) => b.length - a.length)[0];
}

/**
 * GD302 opaque-pipeline. A function that runs two or more LLM steps (chat,
 * completion, embedding, agent runs) whose steps are traced one by one — by an
 * autolog, an instrumentor, a wrapped client or the SDK itself — with no span
 * over the whole, so each step lands in a separate trace.
 */
export const opaquePipeline = defineRule({
  code: 'GD302',
  name: 'opaque-pipeline',
  family: 'tracing',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'unsafe',
  options: {
    minSteps: { type: 'number', default: 2, description: 'Number of LLM call sites in one function that make it a pipeline.' },
    ignoreTests: { type: 'boolean', default: true, description: 'Skip functions in test files and folders.' },
  },
  messages: {
    opaque: '`{function}` chains {count} LLM steps ({apis}) with no span over the whole, so its steps land in separate traces',
  },
  docs: {
    whatItDoes: 'Flags a function that chains two or more LLM steps — chat, completion, embedding or agent-run call sites under the same conditional branches, where a later step consumes an earlier one\'s result (its return value, or a name assigned from it, appears in the later call\'s arguments); model constructions are not steps, calls in different `if`/`else`/`except`/`case` branches are alternatives, and independent requests in one function (two demo queries) are not a chain — when the steps are traced one by one — by an autolog or instrumentor, a wrapped client, or SDK-native tracing such as the Agents SDK\'s — and no span covers the function as a whole: no tracing decorator on it or on a function around it, no span opened in it before its first step, not all steps inside one span block. Functions whose steps nothing traces are left to GD301 (untraced-llm-call), which reports them already.',
    whyIsThisBad: 'Auto-instrumentation records each call as a root trace of its own. A retrieve-then-answer or plan-then-act function then shows up as unrelated traces: latency and cost cannot be summed per request, and a bad final answer cannot be followed back to the step that produced it. The Agents SDK documents the same for several `Runner.run` calls: wrap them in one `trace()`.',
    example: { path: 'pipeline.py', code: 'import mlflow\nfrom openai import OpenAI\n\nmlflow.openai.autolog()\nclient = OpenAI()\n\n\ndef answer(question):\n    query = client.chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": f"Rewrite as a search query: {question}"}])\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": query.choices[0].message.content}])\n' },
    useInstead: { path: 'pipeline.py', code: 'import mlflow\nfrom openai import OpenAI\n\nmlflow.openai.autolog()\nclient = OpenAI()\n\n\n@mlflow.trace\ndef answer(question):\n    query = client.chat.completions.create(model="gpt-4o-mini-2024-07-18", messages=[{"role": "user", "content": f"Rewrite as a search query: {question}"}])\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": query.choices[0].message.content}])\n' },
    fixSafety: 'Unsafe: the fix adds the tracing decorator the workspace already uses on other Python functions (without their arguments) directly above the function\'s `def`, plus its import when missing; the function then opens a span at run time. It is offered only when such a decorator exists in the workspace.',
    references: [
      { title: 'OpenAI Agents SDK: higher-level traces (wrap several runs in one trace)', url: 'https://openai.github.io/openai-agents-python/tracing/#higher-level-traces' },
      { title: 'MLflow Tracing: combining auto and manual tracing', url: 'https://mlflow.org/docs/latest/genai/tracing/app-instrumentation/' },
      { title: 'Hidden Technical Debt of GenAI Systems (opaque pipelines)', url: 'https://arxiv.org/abs/2410.14717' },
    ],
  },
  checkWorkspace({ facts, texts, options }) {
    const coverage = computeCoverage(facts);
    const decorator = workspaceDecorator(facts, texts);
    const functions = groupBy(facts.llmCalls.filter((call) => isStep(call) && !(options.ignoreTests && isTestPath(call.loc.file))), functionKey);
    const reports: Report[] = [];
    for (const candidates of functions.values()) {
      // Branches and data flow are read from the text; without it (notebook cells, a caller that passes no texts) every step counts.
      const text = candidates[0].loc.cell === undefined ? texts.get(candidates[0].loc.file) : undefined;
      const steps = text === undefined ? candidates : sequencedSteps(candidates, text);
      if (steps.length < Number(options.minSteps)) continue;
      if (text !== undefined && !consumesEarlierStep(steps, text.split('\n'))) continue;
      if (!steps.some((step) => coverage.get(step)?.traced)) continue;
      steps.sort((a, b) => a.loc.line - b.loc.line || a.loc.column - b.loc.column);
      if (spannedAsOne(steps, facts, coverage)) continue;
      const [first, ...others] = steps;
      const fix = decorator ? decoratorFix(first, decorator, texts.get(first.loc.file) ?? '', 'so its steps form one trace') : null;
      reports.push({
        loc: first.loc,
        messageId: 'opaque',
        data: { function: first.enclosingFunction!, count: steps.length, apis: [...new Set(steps.map((step) => `\`${step.api}\``))].join(', ') },
        related: others.map((step) => ({ loc: step.loc, message: `step \`${step.api}\` (${coverage.get(step)?.tracedBy ? `traced alone by ${coverage.get(step)!.tracedBy}` : 'untraced'})` })),
        fix,
      });
    }
    return reports;
  },
});
