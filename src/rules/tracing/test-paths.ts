import { TextMemo } from '../../core/lines';

/**
 * Code outside production: LLM calls in tests, test fixtures, end-to-end suites
 * and documentation examples run against a model on purpose, where nobody reads traces.
 */
const TEST_PATH = /(^|\/)(tests?|__tests__|e2e|spec|testing|docs?)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|\.(test|spec)\.[cm]?[jt]sx?$/;

/** Remembered per path: phase 2 asks it of every LLM call after every edit. */
const answers = new TextMemo<boolean>(50_000);

export function isTestPath(file: string): boolean {
  return answers.get(file, (path) => TEST_PATH.test(path));
}
