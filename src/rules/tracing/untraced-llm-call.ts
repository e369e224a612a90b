import { defineRule, type Report } from '../../core/rule';
import { computeCoverage, Projects } from '../../core/coverage';
import { groupBy } from '../../core/group';
import type { LlmCall } from '../../core/facts';
import { isTestPath } from './test-paths';
import { decoratorFix, telemetryOptionFix, usesAiSdkTelemetry, workspaceDecorator } from './workspace-tracing';

const MAX_RELATED = 25;

function byPosition(a: LlmCall, b: LlmCall): number {
  return a.loc.file.localeCompare(b.loc.file) || (a.loc.cell ?? 0) - (b.loc.cell ?? 0) || a.loc.line - b.loc.line || a.loc.column - b.loc.column;
}

function sdkName(call: LlmCall): string {
  return call.provider;
}

function listOf(names: Iterable<string>): string {
  return [...new Set(names)].sort().map((name) => `\`${name}\``).join(', ');
}

/**
 * GD301 untraced-llm-call. An LLM call no tracing covers (src/core/coverage.ts,
 * the same computation as the JSON inventory's `traced`). A project that traces
 * nothing gets one finding for all its calls; a project that traces some calls
 * gets one finding per call it misses.
 */
export const untracedLlmCall = defineRule({
  code: 'GD301',
  name: 'untraced-llm-call',
  family: 'tracing',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'unsafe',
  options: {
    groupUntracedProjects: {
      type: 'boolean',
      default: true,
      description: 'In a project (a folder with a dependency manifest) where no tracing is set up and no call is traced, report one finding for all its calls, at the first, with the others as related locations; off reports every call.',
    },
    ignoreTests: {
      type: 'boolean',
      default: true,
      description: 'Skip calls in test files and folders (`tests/`, `test_*.py`, `*.test.ts`, `e2e/`): they run against a model on purpose, outside production.',
    },
  },
  messages: {
    untraced: 'No tracing covers this `{api}` call ({sdk}): looked for an instrumentor or autolog of `{sdk}`, a wrapped client, a tracing gateway, and a decorator or span around {where}',
    projectUntraced: 'Nothing traces the {count} LLM call(s) of {project} ({sdks}): no instrumentor, autolog, wrapped client, gateway, tracing decorator, span or tracing env switch was found',
  },
  docs: {
    whatItDoes: 'Flags LLM calls that no tracing covers. Coverage is computed, not guessed: auto-instrumentation of the call\'s SDK anywhere in its project (`mlflow.openai.autolog()`, an OpenInference/OpenTelemetry instrumentor, `Traceloop.init()`, `logfire.instrument_openai()`; an instrumentor of the vendor SDK also covers LangChain/LlamaIndex/LiteLLM models of that vendor), a wrapped client (`wrap_openai(OpenAI())`, `langfuse.openai`), a tracing decorator or span around the enclosing function or block, a tracing gateway as the client\'s base URL, tracing env switches in `.env` files (`LANGSMITH_TRACING=true` covers LangChain and LangGraph only), or SDK-native tracing (the Agents SDK\'s, unless disabled). A project is a folder with a dependency manifest: an autolog in one app of a monorepo does not cover another app. When a project traces nothing at all, the rule reports once for the project (at its first call, the other calls related) instead of once per call — on eight public LLM apps (docs/real-world.md) this turned 546 correct but repetitive findings into 170, one per untraced app plus each call missed by an app that does trace; calls in tests and `docs/` are skipped.',
    whyIsThisBad: 'An untraced call is invisible in production: its prompt, output, latency, tokens and cost are not recorded, so a bad answer, a slow step or a cost spike cannot be traced to the call that caused it, and evaluation sets cannot be built from real traffic. "Hidden Technical Debt of GenAI Systems" names the missing trace as the reason LLM pipelines become opaque.',
    example: { path: 'app.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef answer(question):\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n' },
    useInstead: { path: 'app.py', code: 'import mlflow\nfrom openai import OpenAI\n\nmlflow.openai.autolog()\nclient = OpenAI()\n\n\ndef answer(question):\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n' },
    fixSafety: 'Unsafe: the fix changes what runs. It is offered only when the workspace already uses a tracing decorator on other Python functions (`@traceable`, `@observe()`, `@mlflow.trace`, `@weave.op()`…): it adds the same decorator, without the other function\'s arguments, directly above the `def` of the function around the call (innermost, so route or tool decorators register the traced function) and the import the workspace writes for it. For AI SDK calls in a workspace that turns on `experimental_telemetry` elsewhere, it adds `experimental_telemetry: { isEnabled: true }`. Both make the call emit spans to the tracing back end already configured; check that its set-up (keys, sampling) covers the module. A workspace that uses no tracing gets no fix: choosing a tracing library is a decision, not an edit.',
    references: [
      { title: 'Hidden Technical Debt of GenAI Systems (opaque pipelines)', url: 'https://arxiv.org/abs/2410.14717' },
      { title: 'OpenTelemetry semantic conventions for generative AI', url: 'https://opentelemetry.io/docs/specs/semconv/gen-ai/' },
      { title: 'MLflow Tracing: automatic tracing', url: 'https://mlflow.org/docs/latest/genai/tracing/app-instrumentation/automatic/' },
      { title: 'LangSmith: trace with LangChain / trace without setting environment variables', url: 'https://docs.smith.langchain.com/observability/how_to_guides/trace_with_langchain' },
    ],
  },
  checkWorkspace({ facts, texts, options }) {
    const coverage = computeCoverage(facts);
    const projects = Projects.of(facts);
    const considered = facts.llmCalls.filter((call) => !(options.ignoreTests && isTestPath(call.loc.file)));
    const decorator = workspaceDecorator(facts, texts);
    const telemetry = usesAiSdkTelemetry(facts);
    const reports: Report[] = [];
    const byProject = groupBy(considered, (call) => projects.of(call.loc.file));
    for (const [project, calls] of byProject) {
      const untraced = calls.filter((call) => !coverage.get(call)?.traced).sort(byPosition);
      if (untraced.length === 0) continue;
      // SDK-native tracing (the Agents SDK's) is no sign the team set tracing up; a set-up or a traced call is.
      const tracesSomething = calls.some((call) => coverage.get(call)?.traced && coverage.get(call)?.scope !== 'native')
        || facts.tracing.some((setup) => setup.scope !== 'disabled' && projects.reachesProject(setup.loc, project));
      if (!tracesSomething && options.groupUntracedProjects) {
        const [first, ...others] = untraced;
        reports.push({
          loc: first.loc,
          messageId: 'projectUntraced',
          data: { count: untraced.length, project: project === '' ? 'the workspace' : `\`${project}/\``, sdks: listOf(untraced.map(sdkName)) },
          related: others.slice(0, MAX_RELATED).map((call) => ({ loc: call.loc, message: `untraced \`${call.api}\` call (${sdkName(call)})` })),
        });
        continue;
      }
      for (const call of untraced) {
        const text = texts.get(call.loc.file) ?? '';
        const fix = (decorator && decoratorFix(call, decorator, text, 'to trace this call')) || (telemetry && telemetryOptionFix(call, text)) || null;
        reports.push({
          loc: call.loc,
          messageId: 'untraced',
          data: { api: call.api, sdk: sdkName(call), where: call.enclosingFunction ? `\`${call.enclosingFunction}\`` : 'the module-level code' },
          fix,
        });
      }
    }
    return reports;
  },
});
