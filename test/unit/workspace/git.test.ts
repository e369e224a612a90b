import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRepository } from '../../../src/workspace/git';

describe('git history reader', function () {
  this.timeout(30_000);
  let root: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root });

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'genai-debt-git-'));
    git('init', '-q');
    mkdirSync(join(root, 'app'));
    const versions = ['PROMPT = "a"\n', 'PROMPT = "a"\nPROMPT += "b"\n', 'PROMPT = "a"\nPROMPT += "b"\nPROMPT += "c"\n'];
    versions.forEach((text, index) => {
      writeFileSync(join(root, 'app/prompts.py'), text);
      git('add', '.');
      git('commit', '-qm', `v${index}`);
    });
    writeFileSync(join(root, 'app/notes.py'), 'NOTES = "n"\n');
    git('add', '.');
    git('commit', '-qm', 'notes');
    git('mv', 'app/notes.py', 'app/renamed_notes.py');
    git('commit', '-qm', 'rename');
    writeFileSync(join(root, 'untracked.py'), 'x = 1\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists tracked files relative to the audited folder', async () => {
    const repo = await readRepository(join(root, 'app'), { historyFor: ['prompts.py'] });
    assert.deepEqual([...repo!.tracked].sort(), ['prompts.py', 'renamed_notes.py']);
    assert.equal(repo!.history.get('prompts.py')!.length, 3, 'history read from a subfolder of the repository');
  });

  it('reads a file\'s text at each commit, oldest first; a rename starts a new history', async () => {
    const repo = await readRepository(root, { historyFor: ['app/prompts.py', 'app/renamed_notes.py', 'untracked.py'] });
    assert.ok(!repo!.tracked.has('untracked.py'));
    assert.deepEqual(repo!.history.get('app/prompts.py')!.map((revision) => revision.text.split('\n').length - 1), [1, 2, 3]);
    assert.deepEqual(repo!.history.get('app/renamed_notes.py')!.map((revision) => revision.text), ['NOTES = "n"\n']);
    assert.equal(repo!.history.has('untracked.py'), false);
  });

  it('caps the revisions read per file, keeping the newest', async () => {
    const repo = await readRepository(root, { historyFor: ['app/prompts.py'], maxRevisions: 2 });
    assert.deepEqual(repo!.history.get('app/prompts.py')!.map((revision) => revision.text.split('\n').length - 1), [2, 3]);
  });

  it('returns null outside a repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'genai-debt-nogit-'));
    assert.equal(await readRepository(outside, { historyFor: [] }), null);
    rmSync(outside, { recursive: true, force: true });
  });
});
