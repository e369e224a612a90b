import type { FileFacts, LlmCall } from './facts';
import { nativeTracing } from '../catalog/tracing';

export interface Coverage {
  traced: boolean;
  /** Library that covers the call, null when none does. */
  tracedBy: string | null;
  /** How: client, function, block, gateway (seen at the call) or global, env, native (workspace-wide). */
  scope: string | null;
}

/**
 * Decides, for every LLM call, whether some tracing covers it: what the
 * front-end saw at the call site first (wrapped client, decorator, span,
 * gateway), then project-wide signals (autolog, instrumentors, env switches),
 * then tracing the SDK does by itself unless an opt-out is present.
 */
export function computeCoverage(facts: FileFacts): Map<LlmCall, Coverage> {
  const global = facts.tracing.filter((setup) => setup.scope === 'global' || setup.scope === 'env');
  const disabled = new Set(facts.tracing.filter((setup) => setup.scope === 'disabled').flatMap((setup) => setup.covers));
  const coverage = new Map<LlmCall, Coverage>();
  for (const call of facts.llmCalls) {
    if (call.tracedBy) {
      coverage.set(call, { traced: true, tracedBy: call.tracedBy.library, scope: call.tracedBy.scope });
      continue;
    }
    const setup = global.find((candidate) => candidate.covers.includes('*') || candidate.covers.includes(call.provider));
    if (setup) {
      coverage.set(call, { traced: true, tracedBy: setup.library, scope: setup.scope });
      continue;
    }
    const native = nativeTracing[call.provider];
    if (native && !disabled.has(call.provider)) {
      coverage.set(call, { traced: true, tracedBy: native, scope: 'native' });
      continue;
    }
    coverage.set(call, { traced: false, tracedBy: null, scope: null });
  }
  return coverage;
}
