import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendOnlyPrompt } from '../../../../src/rules/prompt-stuffing/append-only-prompt';
import { contentLines, growthHistory, promptRegion } from '../../../../src/rules/prompt-stuffing/prompt-history';
import { auditWorkspace } from '../../../../src/workspace/audit';

const HEADER = 'from openai import OpenAI\n\nclient = OpenAI()\n';
const CALL = '\n\ndef run(q):\n    return client.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM_PROMPT}])\n';

function pythonPrompt(lines: string[], before = ''): string {
  return `${HEADER}${before}SYSTEM_PROMPT = """${lines.join('\n')}"""${CALL}`;
}

describe('GD102 append-only-prompt: git history', function () {
  this.timeout(60_000);
  const roots: string[] = [];

  /** A repository whose prompts.py went through `versions`, one commit each. */
  function repositoryWith(versions: string[]): string {
    const root = mkdtempSync(join(tmpdir(), 'genai-debt-gd102-'));
    roots.push(root);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root });
    git('init', '-q');
    versions.forEach((text, index) => {
      writeFileSync(join(root, 'prompts.py'), text);
      git('add', '.');
      git('commit', '-qm', `v${index}`);
    });
    return root;
  }
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  const findingsIn = async (root: string, git = true) => (await auditWorkspace(root, { rules: [appendOnlyPrompt], git })).findings;

  const base = ['You are the Acme support assistant.', 'Answer in the customer\'s language.'];

  it('flags a prompt that only grew over three commits, even when code above it moved', async () => {
    const root = repositoryWith([
      pythonPrompt(base),
      pythonPrompt([...base, 'Never promise refunds.']),
      pythonPrompt([...base, 'Never promise refunds.', 'Do not discuss competitors.'], 'MAX_TURNS = 4\n\n'),
    ]);
    const [finding, ...rest] = await findingsIn(root);
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'GD102');
    assert.deepEqual([finding.file, finding.line, finding.column], ['prompts.py', 6, 17]);
    assert.match(finding.message, /^`SYSTEM_PROMPT` only grew over 3 revisions \(2 → 4 lines, \+\d+%\)/);
  });

  it('says nothing without git', async () => {
    const root = repositoryWith([pythonPrompt(base), pythonPrompt([...base, 'Never promise refunds.']), pythonPrompt([...base, 'Never promise refunds.', 'Do not discuss competitors.'])]);
    assert.deepEqual(await findingsIn(root, false), []);
  });

  it('does not flag a prompt whose history rewords a line', async () => {
    const root = repositoryWith([
      pythonPrompt(base),
      pythonPrompt([...base, 'Never promise refunds.']),
      pythonPrompt([base[0], 'Answer in English.', 'Never promise refunds.', 'Do not discuss competitors.']),
    ]);
    assert.deepEqual(await findingsIn(root), []);
  });

  it('does not flag growth under 50% or fewer than three revisions', async () => {
    const long = ['You are the Acme support assistant for orders, invoices, refunds and shipping questions.', 'Answer in the customer\'s language, briefly and precisely, with the figures from the records.'];
    const small = repositoryWith([pythonPrompt(long), pythonPrompt([...long, 'Be kind.']), pythonPrompt([...long, 'Be kind.', 'No emojis.'])]);
    assert.deepEqual(await findingsIn(small), []);
    const short = repositoryWith([pythonPrompt(base), pythonPrompt([...base, 'Never promise refunds.', 'Do not discuss competitors.'])]);
    assert.deepEqual(await findingsIn(short), []);
  });

  it('counts uncommitted growth in the working copy as a version', async () => {
    const root = repositoryWith([pythonPrompt(base), pythonPrompt([...base, 'Never promise refunds.'])]);
    writeFileSync(join(root, 'prompts.py'), pythonPrompt([...base, 'Never promise refunds.', 'Do not discuss competitors.']));
    assert.equal((await findingsIn(root)).length, 1);
  });
});

describe('GD102 prompt regions in old file versions', () => {
  it('reads a Python triple-quoted constant and the `+=` statements that extend it', () => {
    const text = 'A = 1\nSYSTEM = """You are a bot.\nBe brief."""\nB = 2\nSYSTEM += "\\nNo emojis."\n';
    assert.deepEqual(contentLines(promptRegion(text, { name: 'SYSTEM' })!), ['You are a bot.', 'Be brief.', 'No emojis.']);
  });

  it('reads a parenthesised concatenation, a TS `+` chain and `.push` of sections', () => {
    const python = 'PROMPT = (\n    "You are a bot.\\n"  # why\n    "Be brief.\\n"\n)\nOTHER = "x"\n';
    assert.deepEqual(contentLines(promptRegion(python, { name: 'PROMPT' })!), ['You are a bot.', 'Be brief.']);
    const ts = 'export const PROMPT =\n  "You are a bot.\\n" +\n  "Be brief.";\nconst other = 1;\nPROMPT.push("No emojis.");\n';
    assert.deepEqual(contentLines(promptRegion(ts, { name: 'PROMPT' })!), ['You are a bot.', 'Be brief.', 'No emojis.']);
  });

  it('finds an inline prompt by its first source line, and nothing when the anchor is gone', () => {
    const text = 'agent = Agent(\n    name="a",\n    instructions="""You are a careful assistant.\nBe brief.""",\n    model="gpt-4.1",\n)\n';
    assert.deepEqual(contentLines(promptRegion(text, { firstLine: 'instructions="""You are a careful assistant.' })!), ['instructions="""You are a careful assistant.', 'Be brief.']);
    assert.equal(promptRegion('x = 1\n', { name: 'PROMPT' }), null);
  });

  it('judges growth only since the prompt last appeared', () => {
    const history = growthHistory([' "a"', null, ' """b\nc"""', ' """b\nc\nd"""']);
    assert.deepEqual(history.versions, [['b', 'c'], ['b', 'c', 'd']]);
    assert.equal(history.onlyGrew, true);
  });
});
