// Entry point VS Code loads as extensionTestsPath (code-server host or @vscode/test-electron).
import { runSuite } from '../support/run-suite';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
