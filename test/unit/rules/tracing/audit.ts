import { Engine, type WorkspaceResult } from '../../../../src/core/engine';
import type { RuleDefinition } from '../../../../src/core/rule';
import { loadFrontEnds } from '../../../../src/workspace/frontends';

/** Phase 1 and phase 2 on in-memory files, as an audit of a workspace holding only them. */
export async function auditFiles(files: Record<string, string>, rules: readonly RuleDefinition[]): Promise<WorkspaceResult> {
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules });
  const results = Object.entries(files).map(([path, text]) => engine.analyzeFile({ path, text }));
  return engine.analyzeWorkspace(results, new Set(Object.keys(files)), { texts: new Map(Object.entries(files)) });
}
