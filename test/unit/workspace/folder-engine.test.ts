import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config';
import type { FileResult } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/finding';
import { FolderEngine } from '../../../src/workspace/folder-engine';
import { FolderProcess } from '../../../src/workspace/folder-process';

const examples = join(__dirname, '../../../../examples');
const APP = 'support-bot/app.py';

function folderEngine(root = examples): FolderEngine {
  const warnings: string[] = [];
  return new FolderEngine({ root, config: defaultConfig(), git: false, processes: false, warn: (message) => warnings.push(message), cache: new Map<string, FileResult>() });
}

const rulesIn = (engine: FolderEngine, path: string) => (engine.latest?.findingsByFile.get(path) ?? []).map((finding) => finding.rule);

describe('FolderEngine (the analysis state of one folder, without an editor)', function () {
  this.timeout(60_000);

  it('audits the folder, then updates one file: phase 1 for it, phase 2 over the rest', async () => {
    const engine = folderEngine();
    assert.equal(await engine.update(APP, 'x = 1\n'), undefined, 'nothing to update before the first audit');
    const first = await engine.auditAll(new Map(), () => {});
    assert.ok(rulesIn(engine, APP).includes('GD401'));
    const others = first.result.findings.filter((finding) => finding.loc.file !== APP).length;

    const pinned = readFileSync(join(examples, APP), 'utf8').replace('CHAT_MODEL = "gpt-4o"', 'CHAT_MODEL = "gpt-4o-2024-08-06"');
    const updated = await engine.update(APP, pinned);
    assert.ok(updated && updated !== first);
    assert.ok(!rulesIn(engine, APP).includes('GD401'));
    assert.equal(updated.result.findings.filter((finding) => finding.loc.file !== APP).length, others);
    assert.equal(await engine.update(APP, pinned), updated, 'the same text: the same result');

    assert.equal(await engine.update('node_modules/openai/client.py', 'import openai\n'), undefined, 'a dependency folder is not the app');
    await engine.update(APP, null);
    assert.deepEqual(rulesIn(engine, APP), []);
  });

  it('after every edit, gives what a fresh audit of the same files gives (phase 2\'s memos and kept merges change nothing)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'genai-debt-edits-'));
    try {
      cpSync(examples, root, { recursive: true });
      const engine = folderEngine(root);
      await engine.auditAll(new Map(), () => {});
      const edits: [string, (text: string) => string | null][] = [
        [APP, (text) => text.replace('CHAT_MODEL = "gpt-4o"', 'CHAT_MODEL = "gpt-4o-2024-08-06"')],
        [APP, (text) => `\n\n${text}`],
        ['support-bot/tracing.py', () => null],
        ['support-bot/rag.py', (text) => `${text}\nclient.chat.completions.create(model="gpt-3.5-turbo", messages=[])\n`],
        ['support-bot/tracing.py', () => readFileSync(join(examples, 'support-bot/tracing.py'), 'utf8')],
        ['support-bot/requirements.txt', (text) => `${text}\nlangsmith\n`],
        ['web-chat/src/chat.ts', (text) => text.replace(/model: '[^']*'/, "model: 'gpt-4.1'")],
        ['support-bot/new_tool.py', () => 'from openai import OpenAI\nclient = OpenAI()\ndef answer(q):\n    return client.responses.create(model="gpt-4o", input=q)\n'],
        [APP, (text) => text.replace(/\n\n/, '\n')],
        ['support-bot/new_tool.py', () => null],
      ];
      const comparable = (engine: FolderEngine) => {
        const json = engine.latest!.audit();
        return JSON.stringify({ ...json, summary: { ...json.summary, durationMs: 0 } });
      };
      for (const [step, [path, edit]] of edits.entries()) {
        const file = join(root, path);
        const text = edit(existsSync(file) ? readFileSync(file, 'utf8') : '');
        if (text === null) rmSync(file);
        else writeFileSync(file, text);
        await engine.update(path, text);
        const fresh = folderEngine(root);
        await fresh.auditAll(new Map(), () => {});
        assert.equal(comparable(engine), comparable(fresh), `step ${step}: ${path}`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('audits open editors\' text over the disk, and tells the facts and coverage of one file', async () => {
    const engine = folderEngine();
    const edited = readFileSync(join(examples, APP), 'utf8').replace('CHAT_MODEL = "gpt-4o"', 'CHAT_MODEL = "gpt-4o-2024-08-06"');
    await engine.auditAll(new Map([[APP, edited]]), () => {});
    assert.ok(!rulesIn(engine, APP).includes('GD401'));
    const insights = engine.insights(APP)!;
    assert.ok(insights.facts.llmCalls.length > 0);
    assert.equal(insights.coverage.length, insights.facts.llmCalls.length);
    assert.ok(insights.coverage.every((covered) => covered !== null && typeof covered.traced === 'boolean'));
    assert.equal(engine.insights('no/such/file.py'), undefined);
  });

  it('runs the same analysis in a process of its own, and fails its requests once closed', async () => {
    const here = folderEngine();
    const warnings: string[] = [];
    const remote = new FolderProcess({ root: examples, config: defaultConfig(), git: false, processes: false }, (message) => warnings.push(message));
    try {
      let progress = 0;
      const audited = await remote.auditAll(new Map(), (done) => { progress = done; });
      const local = await here.auditAll(new Map(), () => {});
      assert.ok(progress > 0);
      assert.deepEqual(new Map(audited.findingsByFile), local.findingsByFile);
      assert.equal(audited.fileCount, local.result.files.length);

      const pinned = readFileSync(join(examples, APP), 'utf8').replace('CHAT_MODEL = "gpt-4o"', 'CHAT_MODEL = "gpt-4o-2024-08-06"');
      const updated = (await remote.update(APP, pinned))!;
      const localUpdated = (await here.update(APP, pinned))!;
      assert.deepEqual(new Map(updated.findingsByFile), localUpdated.findingsByFile);
      assert.equal(await remote.update(APP, pinned), updated, 'nothing changed: the same result');
      assert.equal(await remote.update('node_modules/openai/client.py', 'import openai\n'), undefined);

      assert.deepEqual(await remote.insights(APP), here.insights(APP));
      const audit = await remote.auditJson();
      assert.equal(audit.findings.length, localUpdated.audit().findings.length);
      assert.deepEqual(warnings, []);
    } finally {
      remote.dispose();
    }
    await assert.rejects(remote.update(APP, 'x = 1\n'), /closed/);
  });

  it('tells the edited file\'s findings between phase 1 and phase 2, here and from the process', async () => {
    const here = folderEngine();
    const remote = new FolderProcess({ root: examples, config: defaultConfig(), git: false, processes: false }, () => {});
    try {
      await here.auditAll(new Map(), () => {});
      await remote.auditAll(new Map(), () => {});
      const before = here.latest!.findingsByFile.get(APP)!;
      const pinned = readFileSync(join(examples, APP), 'utf8').replace('CHAT_MODEL = "gpt-4o"', 'CHAT_MODEL = "gpt-4o-2024-08-06"');

      let told: { path: string; rules: string[] } | undefined;
      const final = (await here.update(APP, pinned, (path, findings) => { told = { path, rules: findings.map((finding) => finding.rule) }; }))!;
      assert.equal(told?.path, APP);
      assert.ok(!told.rules.includes('GD401'), 'the per-file rules saw the new text');
      // GD301 is a workspace rule: until phase 2 reruns, the file keeps the one it had.
      assert.ok(before.some((finding) => finding.rule === 'GD301') && told.rules.includes('GD301'));
      assert.deepEqual(told.rules, final.findingsByFile.get(APP)!.map((finding) => finding.rule), 'phase 2 confirmed them here');

      let remoteTold: string[] | undefined;
      const remoteFinal = (await remote.update(APP, pinned, (result) => { remoteTold = result.findingsByFile.get(APP)!.map((finding) => finding.rule); }))!;
      assert.deepEqual(remoteTold, told.rules);
      assert.deepEqual(new Map(remoteFinal.findingsByFile), final.findingsByFile);
      assert.equal(await here.update(APP, pinned, () => assert.fail('no phase 1 for an unchanged text')), final);

      // Lines inserted at the top: the workspace findings the file had move down with its text at once.
      let moved: Finding[] = [];
      const shifted = (await here.update(APP, `# one\n# two\n${pinned}`, (_path, findings) => { moved = findings; }))!;
      const places = (findings: readonly Finding[]) => findings.filter((finding) => finding.rule === 'GD301').map((finding) => `${finding.loc.line}:${finding.loc.column}-${finding.loc.endLine}:${finding.loc.endColumn}`);
      assert.deepEqual(places(moved), places(final.findingsByFile.get(APP)!).map((place) => place.replace(/^(\d+)(:\d+-)(\d+)/, (_, line, middle, endLine) => `${Number(line) + 2}${middle}${Number(endLine) + 2}`)));
      assert.deepEqual(places(moved), places(shifted.findingsByFile.get(APP)!), 'where phase 2 then put them');
    } finally {
      remote.dispose();
    }
  });

  it('serves every folder from one process, which ends with the last folder', async () => {
    const settings = { config: defaultConfig(), git: false, processes: false };
    const first = new FolderProcess({ ...settings, root: examples }, () => {});
    const second = new FolderProcess({ ...settings, root: join(examples, 'support-bot') }, () => {});
    const pid = first.pid!;
    assert.equal(second.pid, pid);
    const [whole, part] = await Promise.all([first.auditAll(new Map(), () => {}), second.auditAll(new Map(), () => {})]);
    assert.ok(whole.findingsByFile.has(APP));
    assert.ok(part.findingsByFile.has('app.py'), 'paths are relative to each folder');
    first.dispose();
    assert.ok((await second.update('app.py', 'x = 1\n'))!.findingsByFile.get('app.py') === undefined, 'the other folder still works');
    const exited = new Promise((resolve) => {
      const poll = setInterval(() => {
        try {
          process.kill(pid, 0);
        } catch {
          clearInterval(poll);
          resolve(true);
        }
      }, 20);
    });
    second.dispose();
    assert.equal(await exited, true);
  });
});
