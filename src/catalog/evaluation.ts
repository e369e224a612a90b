import { TextMemo } from '../core/lines';

/**
 * Signals of an evaluation harness (GD701) and of human-feedback capture
 * (GD702), as data. A signal is a path pattern or a pattern in the text of an
 * analysed file; each has the name the finding lists as "looked for".
 */

export interface QualitySignal {
  name: string;
  /** Matched against a workspace path (POSIX). */
  path?: RegExp;
  /** Matched against the text of an analysed file. */
  text?: RegExp;
}

export const evaluationSignals: readonly QualitySignal[] = [
  { name: 'promptfoo', path: /(^|\/)promptfooconfig[^/]*\.(ya?ml|json|js|ts)$|(^|\/)\.promptfoo\//i, text: /\bpromptfoo\b/ },
  { name: 'DeepEval', text: /\b(?:from|import)\s+deepeval\b|\bassert_test\s*\(|\bLLMTestCase\s*\(/ },
  { name: 'Ragas', text: /\b(?:from|import)\s+ragas\b/ },
  { name: 'MLflow evaluate', text: /\bmlflow(?:\.genai)?\.evaluate\s*\(|\bfrom\s+mlflow\.genai\s+import\b[^\n]*\bevaluate\b/ },
  { name: 'LangSmith evaluate', text: /\bfrom\s+langsmith(?:\.evaluation)?\s+import\b[^\n]*\ba?evaluate\b|\bclient\.a?evaluate\s*\(|from\s+['"]langsmith\/evaluation['"]/ },
  { name: 'Braintrust Eval', text: /\bfrom\s+braintrust\s+import\b[^\n]*\bEval\b|\bimport\s*\{[^}]*\bEval\b[^}]*\}\s*from\s*['"]braintrust['"]|\bautoevals\b/ },
  { name: 'OpenAI Evals', text: /\bimport\s+evals\b|\bfrom\s+evals(?:\.\w+)*\s+import\b|\bclient\.evals\.(?:create|runs\.create)\s*\(|\boaieval\b/ },
  { name: 'Inspect', text: /\b(?:from|import)\s+inspect_ai\b/ },
  { name: 'TruLens', text: /\b(?:from|import)\s+trulens(?:_eval)?\b/ },
  { name: 'Phoenix evals', text: /\b(?:from|import)\s+phoenix\.evals\b|\bfrom\s+phoenix\.experiments\s+import\b/ },
  { name: 'Opik evaluation', text: /\bfrom\s+opik\.evaluation\b|\bopik\.evaluate\b/ },
  { name: 'Weave Evaluation', text: /\bweave\.Evaluation\s*\(/ },
  { name: 'LangChain evaluators', text: /\bfrom\s+langchain(?:\.|_community\.)?evaluation\b|\bload_evaluator\s*\(/ },
  { name: 'evalite', path: /\.eval\.[cm]?[jt]sx?$/, text: /from\s+['"]evalite['"]/ },
  { name: 'Vitest/Jest LLM evals', text: /from\s+['"]vitest-evals['"]|\btoSatisfyStatements\b/ },
];

/** Test files: where tests that exercise LLM-calling code live. */
export const testFilePattern = /(^|\/)(tests?|__tests__|spec|e2e|evals?)\/|(^|\/)test_[^/]+\.py$|_test\.py$|\.(test|spec)\.[cm]?[jt]sx?$/i;
/** An assertion in a test file. */
export const assertionPattern = /\bassert\b|\bexpect\s*\(|\bself\.assert\w+\s*\(|\bassert\.\w+\s*\(/;

export const feedbackSignals: readonly QualitySignal[] = [
  { name: 'MLflow log_feedback', text: /\bmlflow\.log_feedback\s*\(|\blog_feedback\s*\(/ },
  { name: 'LangSmith create_feedback', text: /\bcreate_feedback\s*\(|\bcreateFeedback\s*\(/ },
  { name: 'Langfuse scores', text: /\blangfuse\b[\s\S]{0,4000}?\.(?:score|create_score|score_current_trace|score_current_span)\s*\(|\blangfuse\.score\s*\(/i },
  { name: 'Braintrust feedback', text: /\blogFeedback\s*\(|\blog_feedback\s*\(/ },
  { name: 'Weave feedback', text: /\.feedback\.add\s*\(|\.add_reaction\s*\(|\.add_note\s*\(/ },
  { name: 'Phoenix annotations', text: /\blog_span_annotations\s*\(|\bSpanAnnotation\s*\(|\/v1\/span_annotations/ },
  { name: 'Opik feedback scores', text: /\blog_traces_feedback_scores\s*\(|\blog_spans_feedback_scores\s*\(/ },
  { name: 'Helicone feedback', text: /helicone[\s\S]{0,2000}?\/feedback\b/i },
  { name: 'Lunary feedback', text: /\btrack_feedback\s*\(|\btrackFeedback\s*\(/ },
];

/**
 * An app's own feedback endpoint: a route or handler path named for feedback,
 * votes or ratings, whose file ties it to a message, trace or request id.
 */
export const feedbackRoute = /['"`][^'"`\n]*\/(?:feedback|vote|votes|rating|ratings|thumbs[^'"`\n]*)['"`/?]/i;
export const feedbackRouteFile = /(^|\/)(?:feedback|vote|votes|rating|ratings)(\/route\.[jt]s|\/index\.[jt]s|\.py|\.[jt]s)$/i;
export const feedbackIdPattern = /\b(?:trace|run|message|request|response|chat|span|conversation)_?[iI][dD]\b/;
/** An app's own feedback function (`createOrUpdateFeedback(`, `submit_feedback(`), counted with an id in the same file. */
export const feedbackFunction = /\b(?:create|update|createOrUpdate|submit|send|log|record|save|add|post|store)_?[Ff]eedback\s*\(/;

/** Files whose LLM calls are not the app's own: tests, evaluations, benchmarks, docs. */
export const notAppFile = /(^|\/)(tests?|__tests__|spec|e2e|evals?|benchmarks?|docs?)\/|(^|\/)test_[^/]+\.py$|_test\.py$|\.(test|spec)\.[cm]?[jt]sx?$|benchmark[^/]*$/i;

export const isTestFile = (path: string): boolean => testFilePattern.test(path);

/** Remembered per path: phase 2 asks it of every LLM call after every edit. */
const notAppAnswers = new TextMemo<boolean>(50_000);
export const isNotAppFile = (path: string): boolean => notAppAnswers.get(path, (file) => notAppFile.test(file));
