import type { Output } from '../../../src/cli/main';

/** An Output that records what the CLI writes, for assertions. */
export function capture(): Output & { stdout: string; stderr: string } {
  const out = {
    isTTY: false, stdout: '', stderr: '',
    progress: () => ({ update: () => undefined, done: () => undefined }),
    write(text: string) { out.stdout += text; },
    error(text: string) { out.stderr += text; },
    print(text: string) { out.stdout += text + '\n'; return 0; },
  };
  return out;
}
