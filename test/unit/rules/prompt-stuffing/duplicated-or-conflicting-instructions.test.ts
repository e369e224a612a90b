import { strict as assert } from 'node:assert';
import { Engine } from '../../../../src/core/engine';
import { duplicatedOrConflictingInstructions } from '../../../../src/rules/prompt-stuffing/duplicated-or-conflicting-instructions';
import { loadFrontEnds } from '../../../../src/workspace/frontends';

function python(lines: string[]): string {
  return `from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = (\n${lines.map((line) => `    "${line}\\n"`).join('\n')}\n)\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM}])\n`;
}

describe('GD103 duplicated-or-conflicting-instructions', () => {
  let engine: Engine;
  before(async () => {
    engine = new Engine({ frontEnds: await loadFrontEnds(), rules: [duplicatedOrConflictingInstructions] });
  });
  const findings = (text: string) => engine.analyzeFile({ path: 'agent.py', text }).findings;

  it('points at the repeated line and links where it was first given', () => {
    const text = python([
      'Check the order status before you answer any delivery question.',
      'Be brief.',
      'Check the order status before answering any delivery question.',
    ]);
    const [finding, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.equal(finding.messageId, 'duplicate');
    assert.deepEqual([finding.loc.line, finding.loc.column, finding.loc.endLine, finding.loc.endColumn], [7, 5, 7, text.split('\n')[6].length + 1]);
    assert.deepEqual(finding.related.map((related) => related.loc.line), [5]);
    assert.match(finding.message, /^`SYSTEM` gives an instruction twice: "Check the order status before answering/);
  });

  it('reports an always/never pair once, at the later line', () => {
    const [finding, ...rest] = findings(python(['Always cite the source of each figure.', 'Never cite the source of each figure.']));
    assert.equal(rest.length, 0);
    assert.equal(finding.messageId, 'conflict');
    assert.equal(finding.loc.line, 6);
    assert.deepEqual(finding.related.map((related) => related.loc.line), [5]);
  });

  it('does not read a negated sentence as a duplicate of its positive', () => {
    assert.deepEqual(findings(python(['A statement in the answer contradicts the gold target.', 'No statement in the answer contradicts the gold target.'])), []);
  });

  it('measures emphasis per 1k tokens: eight markers in a short prompt, not in a long one', () => {
    const shouting = ['IMPORTANT: read the form.', 'You MUST fill every field.', 'NEVER guess.', 'ALWAYS copy names.', 'CRITICAL: sign it.', 'It is REQUIRED.', 'STRICTLY JSON.', 'MANDATORY check.'];
    const [finding] = findings(python(shouting));
    assert.equal(finding.messageId, 'emphasis');
    assert.equal(finding.loc.line, 5);
    assert.match(finding.message, /holds 8 emphasis markers/);
    // Sixty sentences that share few words: enough tokens to dilute the eight markers.
    const vocabulary = 'order invoice refund parcel courier warranty receipt voucher account address payment balance discount delivery return exchange supplier catalogue basket checkout'.split(' ');
    const word = (index: number, step: number, offset: number) => vocabulary[(index + offset + Math.floor(index / 20) * step) % 20];
    const filler = Array.from({ length: 60 }, (_, index) => `Mention the ${word(index, 0, 0)} and the ${word(index, 7, 1)} when the ${word(index, 11, 3)} differs from the ${word(index, 13, 9)} on record.`);
    assert.deepEqual(findings(python([...shouting, ...filler])), []);
  });
});
