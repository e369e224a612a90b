import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditWorkspace } from '../../../src/workspace/audit';

/**
 * The bad-input list, audited together as one workspace: no crash, no
 * hang, every file that could not be analysed listed with its reason, and the
 * valid parts of broken files still yielding facts.
 */
describe('audit of bad input', function () {
  this.timeout(120_000);
  let root: string;
  let audit: Awaited<ReturnType<typeof auditWorkspace>>;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'genai-debt-bad-'));
    mkdirSync(join(root, 'src'));
    // Syntax errors mid-edit, with a valid LLM call before the broken part.
    writeFileSync(join(root, 'src/broken.py'), 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n\ndef half_typed(:\n    return [1, 2\n');
    writeFileSync(join(root, 'src/broken.ts'), 'import OpenAI from "openai";\nconst client = new OpenAI();\nclient.chat.completions.create({ model: "gpt-4o", messages: [] });\nconst x = {{{ ;\n');
    // A 20 MB minified bundle.
    const statement = 'var a=function(b){return b*2};';
    writeFileSync(join(root, 'src/bundle.min.js'), statement.repeat(Math.ceil((20 * 1024 * 1024) / statement.length)));
    // Binary content under a .py name, and Latin-1 text.
    writeFileSync(join(root, 'src/model.py'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe]));
    writeFileSync(join(root, 'src/latin1.py'), Buffer.from('PROMPT = "caf\xe9 cr\xe8me"\n', 'latin1'));
    // 5,000-deep nesting in both languages.
    writeFileSync(join(root, 'src/deep.py'), 'x = ' + '['.repeat(5000) + ']'.repeat(5000) + '\n');
    writeFileSync(join(root, 'src/deep.ts'), 'const x = ' + '['.repeat(5000) + ']'.repeat(5000) + ';\n');
    // An unreadable file (asserted only when not root: chmod 000 cannot stop root, which CI runs as;
    // the discovery tests cover the FIFO and dangling-link cases that stop root too).
    writeFileSync(join(root, 'src/locked.py'), 'print(1)\n');
    chmodSync(join(root, 'src/locked.py'), 0o000);
    audit = await auditWorkspace(root);
  });

  after(() => {
    chmodSync(join(root, 'src/locked.py'), 0o644);
    rmSync(root, { recursive: true, force: true });
  });

  it('still extracts the valid parts of files with syntax errors', () => {
    const calls = audit.inventory.llmCalls.map((call) => `${call.file}:${call.line}:${call.column} ${call.provider} ${call.model}`);
    assert.ok(calls.includes('src/broken.py:3:1 openai gpt-4o'), calls.join('\n'));
    assert.ok(calls.includes('src/broken.ts:3:1 openai gpt-4o'), calls.join('\n'));
  });

  it('lists every file it could not analyse, with a reason', () => {
    const reasons = new Map(audit.skipped.map((skip) => [skip.file, skip.reason]));
    assert.match(reasons.get('src/bundle.min.js') ?? '', /too large|minified/);
    assert.match(reasons.get('src/model.py') ?? '', /binary/);
    assert.match(reasons.get('src/latin1.py') ?? '', /UTF-8/);
    assert.match(reasons.get('src/deep.ts') ?? '', /nest/);
    if (process.getuid?.() !== 0) assert.match(reasons.get('src/locked.py') ?? '', /EACCES/);
  });

  it('analyses 5,000-deep Python nesting (the walk over the tree-sitter tree is iterative)', () => {
    assert.equal(audit.skipped.find((skip) => skip.file === 'src/deep.py'), undefined);
    assert.ok(audit.summary.files >= 3);
  });
});
