// Runs the mocha tests of one e2e folder inside the VS Code extension host. Results go
// line by line (JSON) to the file named by GENAI_DEBT_E2E_RESULTS, which the runner
// outside reads: the extension host's own stdout is not reliably visible from there.
import Mocha from 'mocha';
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function record(event: Record<string, unknown>): void {
  const file = process.env.GENAI_DEBT_E2E_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(event)}\n`);
}

/** Mocha reporter that records each test's outcome and echoes it to the console. */
class RecordingReporter {
  constructor(runner: Mocha.Runner) {
    runner.on('pass', (test) => {
      record({ type: 'pass', title: test.fullTitle(), ms: test.duration ?? 0 });
      console.log(`✔ ${test.fullTitle()}`);
    });
    runner.on('fail', (test, error: Error) => {
      record({ type: 'fail', title: test.fullTitle(), error: error?.stack ?? String(error) });
      console.error(`✘ ${test.fullTitle()}: ${error?.message}`);
    });
    runner.on('pending', (test) => record({ type: 'pending', title: test.fullTitle() }));
  }
}

/** Loads every *.test.js under `dir` and runs it; rejects when a test failed. */
export async function runSuite(dir: string, timeoutMs = 60_000): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: timeoutMs, reporter: RecordingReporter as unknown as typeof Mocha.reporters.Base });
  if (process.env.GENAI_DEBT_E2E_GREP) mocha.grep(process.env.GENAI_DEBT_E2E_GREP);
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(join(dir, file));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} e2e test(s) failed`);
}
