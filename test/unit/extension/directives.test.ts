import assert from 'node:assert/strict';
import { commentMarkerFor, fileDirective, lineDirective, REASON_PLACEHOLDER, TICKET_PLACEHOLDER } from '../../../src/extension/directives';
import { Engine } from '../../../src/core/engine';
import { rules } from '../../../src/rules';
import { loadFrontEnds } from '../../../src/workspace/frontends';
import { lockfileFor } from '../../../src/languages/manifests';

const PYTHON = [
  'from openai import OpenAI',
  'client = OpenAI()',
  '',
  'def answer(question):',
  '    return client.chat.completions.create(',
  '        model="gpt-4o-mini",',
  '        messages=[{"role": "user", "content": question}],',
  '    )',
  '',
].join('\n');

function insert(text: string, line: number, inserted: string): string {
  const lines = text.split('\n');
  lines.splice(line, 0, inserted.replace(/\n$/, ''));
  return lines.join('\n');
}

async function findings(path: string, text: string) {
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules, lockfileFor });
  return engine.analyzeWorkspace([engine.analyzeFile({ path, text })], new Set([path]), { texts: new Map([[path, text]]) }).findings;
}

describe('extension: acknowledge directives', () => {
  it('uses the comment marker of the file, and none where the ledger reads no comments', () => {
    assert.equal(commentMarkerFor('app/chat.py'), '#');
    assert.equal(commentMarkerFor('src/chat.ts'), '//');
    assert.equal(commentMarkerFor('requirements-dev.txt'), '#');
    assert.equal(commentMarkerFor('.env.example'), '#');
    assert.equal(commentMarkerFor('tools/crm_tools.json'), null);
    assert.equal(commentMarkerFor('prompts/triage.prompty'), null);
  });

  it('inserts a directive above the line, indented like it, with snippet placeholders for reason and ticket', () => {
    const lines = PYTHON.split('\n');
    const insertion = lineDirective('agent.py', lines, 5, 'GD301')!;
    assert.equal(insertion.line, 4);
    assert.equal(insertion.plain, `    # genai-debt: accept GD301 -- reason: ${REASON_PLACEHOLDER}; ticket: ${TICKET_PLACEHOLDER}\n`);
    assert.equal(insertion.snippet, `    # genai-debt: accept GD301 -- reason: \${1:${REASON_PLACEHOLDER}}; ticket: \${2:${TICKET_PLACEHOLDER}}\n`);
  });

  it('writes a directive the ledger applies: the finding turns acknowledged, with the reason and ticket', async () => {
    const before = (await findings('agent.py', PYTHON)).find((finding) => finding.rule === 'GD301');
    assert.ok(before, 'the untraced call is found');
    assert.equal(before.acknowledged, null);
    const insertion = lineDirective('agent.py', PYTHON.split('\n'), before.loc.line, 'GD301')!;
    const after = await findings('agent.py', insert(PYTHON, insertion.line, insertion.plain));
    const acknowledged = after.find((finding) => finding.rule === 'GD301');
    assert.deepEqual(acknowledged?.acknowledged, { reason: REASON_PLACEHOLDER, ticket: TICKET_PLACEHOLDER });
    assert.equal(after.filter((finding) => finding.family === 'ledger').length, 0, 'the directive is neither unused nor unexplained');
  });

  it('writes an accept-file directive at the top, after a shebang, that covers the whole file', async () => {
    const script = `#!/usr/bin/env python\n${PYTHON}`;
    const insertion = fileDirective('agent.py', script.split('\n'), 'GD301')!;
    assert.equal(insertion.line, 1);
    assert.match(insertion.plain, /^# genai-debt: accept-file GD301 -- reason: /);
    const after = await findings('agent.py', insert(script, insertion.line, insertion.plain));
    assert.ok(after.find((finding) => finding.rule === 'GD301')?.acknowledged);
  });

  it('uses // in TypeScript and offers nothing for JSON', () => {
    assert.match(lineDirective('src/chat.ts', ['  const r = await openai.responses.create({'], 1, 'GD301')!.plain, /^ {2}\/\/ genai-debt: accept GD301 -- /);
    assert.equal(lineDirective('tools/crm_tools.json', ['{'], 1, 'GD203'), null);
    assert.equal(fileDirective('tools/crm_tools.json', ['{'], 'GD203'), null);
  });
});
