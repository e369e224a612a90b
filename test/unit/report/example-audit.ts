import { join } from 'node:path';
import type { AuditJson } from '../../../src/report/json';
import { auditWorkspace } from '../../../src/workspace/audit';

export const REPO_ROOT = join(__dirname, '../../../..');
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

let cached: Promise<AuditJson> | undefined;

/** The bundled example audited once per test run (the formats only read it). */
export function auditExamples(): Promise<AuditJson> {
  cached ??= auditWorkspace(join(REPO_ROOT, 'examples'), { git: false, threads: 1 });
  return cached;
}

/** A deep copy the caller may change. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
