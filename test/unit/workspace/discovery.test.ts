import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverFiles } from '../../../src/workspace/discovery';

const sourceFiles = (path: string) => /\.(py|ts|json|txt|ipynb)$/.test(path) || path.endsWith('package.json');

describe('workspace discovery', () => {
  let root: string;

  function write(path: string, content: string | Uint8Array = 'x = 1\n'): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'genai-debt-discovery-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('honours the root .gitignore and nested ones relative to their folder, with negations', async () => {
    write('.gitignore', '*.log.py\nsecret/\n/top_only.py\n');
    write('app/main.py');
    write('app/debug.log.py');
    write('secret/keys.py');
    write('top_only.py');
    write('app/top_only.py');
    write('app/.gitignore', 'generated/\n*.tmp.py\n!keep.tmp.py\n');
    write('app/generated/client.py');
    write('app/x.tmp.py');
    write('app/keep.tmp.py');
    write('generated/root_level.py');
    const { files } = await discoverFiles(root, { accepts: sourceFiles });
    assert.deepEqual(files.map((file) => file.path), ['app/keep.tmp.py', 'app/main.py', 'app/top_only.py', 'generated/root_level.py']);
    assert.equal(files[1].text, 'x = 1\n');
    assert.equal(files[1].abs, join(root, 'app/main.py'));
  });

  it('leaves out dependency, cache and build folders, and the package folders of virtual environments under any name', async () => {
    write('src/app.py');
    for (const folder of ['node_modules/openai', '.git', '.venv/lib', '__pycache__', 'dist', 'build', 'out', '.next', '.ipynb_checkpoints', 'coverage', 'pkg/.tox', 'pkg/site-packages']) {
      write(`${folder}/x.py`);
    }
    write('env/pyvenv.cfg', 'home = /usr/bin\n');
    write('env/lib/openai/client.py');
    write('py311/pyvenv.cfg', 'home = /usr/bin\n');
    write('py311/Lib/site-packages/openai/client.py');
    write('py311/Scripts/activate_this.py');
    write('environment/settings.py');
    // A venv made in the project's own folder: its packages are left out, the project's code is not.
    write('tool/pyvenv.cfg', 'home = /usr/bin\n');
    write('tool/bin/activate_this.py');
    write('tool/lib/python3.12/site-packages/openai/client.py');
    write('tool/run.py');
    write('tool/agents/planner.py');
    const { files } = await discoverFiles(root, { accepts: sourceFiles });
    assert.deepEqual(files.map((file) => file.path), ['environment/settings.py', 'src/app.py', 'tool/agents/planner.py', 'tool/run.py']);
  });

  it('applies include and exclude globs, dot files included, folders covering their contents', async () => {
    write('src/a.py');
    write('src/.hidden/b.py');
    write('src/legacy/c.py');
    write('tests/test_a.py');
    write('notes.txt', 'hello');
    const result = await discoverFiles(root, { include: ['src/**', 'notes.txt'], exclude: ['src/legacy', '**/test_*.py'], accepts: sourceFiles });
    assert.deepEqual(result.files.map((file) => file.path), ['notes.txt', 'src/.hidden/b.py', 'src/a.py']);
    const onlyFolder = await discoverFiles(root, { include: ['tests'], accepts: sourceFiles });
    assert.deepEqual(onlyFolder.files.map((file) => file.path), ['tests/test_a.py']);
  });

  it('lists every seen path, lockfiles too, for workspace checks', async () => {
    write('web/package.json', '{}');
    write('web/package-lock.json', '{}');
    write('poetry.lock', '');
    write('node_modules/x/package.json', '{}');
    const result = await discoverFiles(root, { accepts: (path) => path.endsWith('package.json') });
    assert.deepEqual(result.allPaths.sort(), ['poetry.lock', 'web/package-lock.json', 'web/package.json']);
    assert.deepEqual(result.files.map((file) => file.path), ['web/package.json']);
  });

  it('skips binary, non-UTF-8 and oversized files with reasons, and reads UTF-16 and BOM-prefixed UTF-8', async () => {
    write('model.py', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]));
    write('latin1.py', Uint8Array.from(Buffer.from('name = "caf\xe9"\n', 'latin1')));
    write('utf16.py', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('msg = "héllo"\n', 'utf16le')]));
    write('utf16be.py', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('b = 1\n', 'utf16le').swap16()]));
    write('bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = 2\n')]));
    write('huge.py', Buffer.alloc(6 * 1024 * 1024 + 200 * 1024, 0x61));
    const result = await discoverFiles(root, { accepts: sourceFiles });
    assert.deepEqual(result.files.map((file) => [file.path, file.text]), [['bom.py', 'x = 2\n'], ['utf16.py', 'msg = "héllo"\n'], ['utf16be.py', 'b = 1\n']]);
    assert.deepEqual(result.skipped, [
      { file: 'huge.py', reason: 'too large (6.2 MB > 5 MB)' },
      { file: 'latin1.py', reason: 'not UTF-8 text' },
      { file: 'model.py', reason: 'binary' },
    ]);
    const small = await discoverFiles(root, { accepts: (path) => path === 'bom.py', maxFileBytes: 4 });
    assert.deepEqual(small.skipped, [{ file: 'bom.py', reason: 'too large (9 B > 4 B)' }]);
  });

  it('reports unreadable entries instead of failing or hanging: a FIFO, a broken link, a chmod 000 file', async () => {
    write('ok.py');
    execFileSync('mkfifo', [join(root, 'pipe.py')]);
    symlinkSync(join(root, 'missing.py'), join(root, 'dangling.py'));
    write('locked.py');
    chmodSync(join(root, 'locked.py'), 0o000);
    const result = await discoverFiles(root, { accepts: sourceFiles });
    const reasons = Object.fromEntries(result.skipped.map((skip) => [skip.file, skip.reason]));
    assert.equal(reasons['pipe.py'], 'not a regular file (FIFO)');
    assert.equal(reasons['dangling.py'], 'broken symbolic link');
    // Root reads a chmod 000 file anyway; only an unprivileged run can see EACCES.
    const runsAsRoot = process.getuid?.() === 0;
    if (runsAsRoot) assert.ok(result.files.some((file) => file.path === 'locked.py'));
    else assert.equal(reasons['locked.py'], 'unreadable (EACCES)');
    assert.ok(result.files.some((file) => file.path === 'ok.py'));
    chmodSync(join(root, 'locked.py'), 0o644);
  });

  it('follows links inside the root once, never outside it, and survives link loops', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'genai-debt-outside-'));
    try {
      writeFileSync(join(outside, 'stolen.py'), 'x = 1\n');
      write('pkg/mod.py');
      symlinkSync(outside, join(root, 'escape'));
      symlinkSync(join(root, 'pkg'), join(root, 'alias'));
      symlinkSync(root, join(root, 'pkg', 'loop'));
      const result = await discoverFiles(root, { accepts: sourceFiles });
      assert.deepEqual(result.files.map((file) => file.path), ['pkg/mod.py']);
      assert.equal(result.files[0].abs, join(root, 'pkg', 'mod.py'));
      symlinkSync(join(outside, 'stolen.py'), join(root, 'stolen.py'));
      symlinkSync(join(root, 'pkg', 'mod.py'), join(root, 'a_mod_link.py'));
      const withFileLinks = await discoverFiles(root, { accepts: sourceFiles });
      assert.deepEqual(withFileLinks.files.map((file) => file.path), ['pkg/mod.py']);
      assert.deepEqual(withFileLinks.skipped, []);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('audits just the given file when the root is a file', async () => {
    write('one/app.py', 'print(1)\n');
    write('one/other.py');
    const result = await discoverFiles(join(root, 'one/app.py'), { accepts: sourceFiles });
    assert.deepEqual(result.files.map((file) => [file.path, file.text]), [['app.py', 'print(1)\n']]);
    assert.deepEqual(result.allPaths, ['app.py']);
  });
});
