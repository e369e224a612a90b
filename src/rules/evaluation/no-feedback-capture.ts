import { defineRule, type WorkspaceContext } from '../../core/rule';
import { feedbackFunction, feedbackIdPattern, feedbackRoute, feedbackRouteFile, feedbackSignals } from '../../catalog/evaluation';
import { findSignals, projectsWithoutSignal, type SignalHit } from './quality-signals';

const lookedFor = `${feedbackSignals.map((signal) => signal.name).join(', ')}, or an app endpoint or function for feedback, votes or ratings tied to a message, run, trace or request id`;

/** The app's own feedback capture: a feedback/vote/rating route (by path or route string) or feedback function, in a file that names an id. */
function feedbackEndpoints(context: WorkspaceContext): SignalHit[] {
  const found = context.textsWhere('GD702 endpoints', (file, text) => {
    const route = feedbackRouteFile.test(file) || feedbackRoute.test(text) || feedbackFunction.test(text);
    return route && feedbackIdPattern.test(text) ? 'feedback endpoint' : null;
  });
  return [...found].map(([file, name]) => ({ file, name }));
}

/**
 * GD702 no-feedback-capture. A project that calls LLMs with no way to capture
 * what users think of the answers: one workspace finding per project, on its
 * most-called LLM entry point.
 */
export const noFeedbackCapture = defineRule({
  code: 'GD702',
  name: 'no-feedback-capture',
  family: 'evaluation',
  severity: 'info',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: {
    none: 'No user-feedback capture found for the {calls} LLM call(s) of {project}; looked for {lookedFor}',
  },
  docs: {
    whatItDoes: `Reports a project (a folder with a dependency manifest) that makes LLM calls while nothing in it, around it or nested in it records human feedback on the answers. Looked for: ${lookedFor}. The finding sits on the project's most-called LLM entry point and says what was looked for, so a team that gathers feedback another way (a support tool, a survey) can acknowledge it with a ledger directive. LLM calls in tests, evaluations, benchmarks and docs (by path) are not the app's and do not make a project. Batch jobs and libraries with no users have nothing to capture: switch the rule off for them, or acknowledge the finding.`,
    whyIsThisBad: 'User feedback tied to a trace is the cheapest source of evaluation data and the first alarm when quality drops in production. Without it, failures reach the team as anecdotes, with no trace to replay and no examples to add to the evaluation set.',
    example: { path: 'app.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef answer(question):\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n' },
    useInstead: { path: 'app.py', code: 'import mlflow\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n\ndef answer(question):\n    return client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n\n\ndef record_thumbs(trace_id, helpful, user):\n    mlflow.log_feedback(trace_id=trace_id, name="helpful", value=helpful, source=mlflow.entities.AssessmentSource(source_type="HUMAN", source_id=user))\n' },
    fixSafety: 'No fix: where feedback is collected is a product decision.',
    references: [
      { title: 'MLflow: collect user feedback', url: 'https://mlflow.org/docs/latest/genai/tracing/collect-user-feedback/' },
      { title: 'LangSmith: log user feedback', url: 'https://docs.smith.langchain.com/evaluation/how_to_guides/attach_user_feedback' },
      { title: 'Langfuse: user feedback', url: 'https://langfuse.com/docs/scores/user-feedback' },
    ],
  },
  checkWorkspace(context) {
    const hits = [...findSignals(context, 'GD702 signals', feedbackSignals), ...feedbackEndpoints(context)];
    return projectsWithoutSignal(context, hits, (project, entry, calls) => ({
      loc: entry.loc,
      messageId: 'none',
      data: { calls, project: project === '' ? 'the workspace' : `\`${project}/\``, lookedFor },
    }));
  },
});
