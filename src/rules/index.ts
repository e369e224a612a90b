import type { RuleDefinition } from '../core/rule';
import { unpinnedModel } from './versioning/unpinned-model';

/** The registry, sorted by code (a test keeps it so). Codes are never reused. */
export const rules: readonly RuleDefinition[] = [unpinnedModel];

export function findRule(codeOrName: string): RuleDefinition | undefined {
  const wanted = codeOrName.toUpperCase();
  return rules.find((rule) => rule.code === wanted || rule.name === codeOrName.toLowerCase());
}
