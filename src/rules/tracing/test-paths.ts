/**
 * Code outside production: LLM calls in tests, test fixtures, end-to-end suites
 * and documentation examples run against a model on purpose, where nobody reads traces.
 */
const TEST_PATH = /(^|\/)(tests?|__tests__|e2e|spec|testing|docs?)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|\.(test|spec)\.[cm]?[jt]sx?$/;

export function isTestPath(file: string): boolean {
  return TEST_PATH.test(file);
}
