import type { RuleDefinition } from '../core/rule';
import { unexplainedAcknowledgement } from './ledger/unexplained-acknowledgement';
import { unknownRuleInAcknowledgement } from './ledger/unknown-rule-in-acknowledgement';
import { unusedAcknowledgement } from './ledger/unused-acknowledgement';
import { opaquePipeline } from './tracing/opaque-pipeline';
import { oversizedPrompt } from './prompt-stuffing/oversized-prompt';
import { appendOnlyPrompt } from './prompt-stuffing/append-only-prompt';
import { duplicatedOrConflictingInstructions } from './prompt-stuffing/duplicated-or-conflicting-instructions';
import { multiDomainPrompt } from './prompt-stuffing/multi-domain-prompt';
import { overlappingTools } from './tool-sprawl/overlapping-tools';
import { tooManyTools } from './tool-sprawl/too-many-tools';
import { undocumentedTool } from './tool-sprawl/undocumented-tool';
import { untracedLlmCall } from './tracing/untraced-llm-call';
import { unpinnedModel } from './versioning/unpinned-model';
import { deprecatedModel } from './versioning/deprecated-model';
import { unpinnedHubArtifact } from './versioning/unpinned-hub-artifact';
import { unversionedModelArtifact } from './versioning/unversioned-model-artifact';
import { unpinnedGenaiDependency } from './versioning/unpinned-genai-dependency';
import { modelSavedWithoutLineage } from './versioning/model-saved-without-lineage';
import { hardcodedApiKey } from './security/hardcoded-api-key';
import { llmOutputToDangerousSink } from './security/llm-output-to-dangerous-sink';
import { untrustedInputInSystemPrompt } from './security/untrusted-input-in-system-prompt';
import { noEvaluationSuite } from './evaluation/no-evaluation-suite';
import { noFeedbackCapture } from './evaluation/no-feedback-capture';

/** The registry, sorted by code (a test keeps it so). Codes are never reused. */
export const rules: readonly RuleDefinition[] = [
  unexplainedAcknowledgement,
  unknownRuleInAcknowledgement,
  unusedAcknowledgement,
  oversizedPrompt,
  appendOnlyPrompt,
  duplicatedOrConflictingInstructions,
  multiDomainPrompt,
  overlappingTools,
  tooManyTools,
  undocumentedTool,
  untracedLlmCall,
  opaquePipeline,
  unpinnedModel,
  deprecatedModel,
  unpinnedHubArtifact,
  unversionedModelArtifact,
  unpinnedGenaiDependency,
  modelSavedWithoutLineage,
  hardcodedApiKey,
  llmOutputToDangerousSink,
  untrustedInputInSystemPrompt,
  noEvaluationSuite,
  noFeedbackCapture,
];

export function findRule(codeOrName: string): RuleDefinition | undefined {
  const wanted = codeOrName.toUpperCase();
  return rules.find((rule) => rule.code === wanted || rule.name === codeOrName.toLowerCase());
}
