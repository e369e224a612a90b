import type { Prompt } from '../../core/facts';
import { defineRule, type Report } from '../../core/rule';
import { promptTokenCount } from '../../catalog/tokens';
import { distinctPrompts, locateLine, promptSubject } from './prompt-source';
import { conflictingDirectives, duplicateInstructions, emphasisMarkers, instructionsOf } from './instructions';

/**
 * GD103 duplicated-or-conflicting-instructions. Within one prompt: the same
 * instruction given twice, "always X" next to "never X", and emphasis markers
 * (IMPORTANT, MUST, NEVER…) piling up. One finding per prompt and kind.
 */

function quote(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function checkPrompt(prompt: Prompt, fileText: string, options: Record<string, unknown>): Report[] {
  const reports: Report[] = [];
  const subject = promptSubject(prompt);
  const instructions = instructionsOf(prompt.text);
  const duplicates = duplicateInstructions(instructions, Number(options.minDuplicateWords), Number(options.minSimilarityPercent) / 100);
  if (duplicates.length > 0) {
    const [first] = duplicates;
    const original = locateLine(fileText, prompt, first.first.line);
    reports.push({
      loc: locateLine(fileText, prompt, first.second.line, original === prompt.loc ? 0 : original.line),
      messageId: 'duplicate',
      data: { subject, what: duplicates.length === 1 ? 'an instruction' : `${duplicates.length} instructions`, example: quote(first.second.text) },
      related: duplicates.map((pair) => ({ loc: locateLine(fileText, prompt, pair.first.line), message: `first given here: "${quote(pair.first.text)}"` })),
    });
  }
  const conflicts = conflictingDirectives(instructions);
  if (conflicts.length > 0) {
    const [[earlier, later]] = conflicts;
    reports.push({
      loc: locateLine(fileText, prompt, later.instruction.line),
      messageId: 'conflict',
      data: { subject, later: quote(later.instruction.text), earlier: quote(earlier.instruction.text) },
      related: conflicts.map(([one]) => ({ loc: locateLine(fileText, prompt, one.instruction.line), message: `contradicted by: "${quote(one.instruction.text)}"` })),
    });
  }
  const markers = emphasisMarkers(prompt.text);
  if (markers >= Number(options.minEmphasis)) {
    const tokens = promptTokenCount(prompt).tokens;
    const perThousand = (markers / Math.max(tokens, 1)) * 1000;
    if (perThousand >= Number(options.maxEmphasisPer1kTokens)) {
      reports.push({ loc: prompt.loc, messageId: 'emphasis', data: { subject, markers, perThousand: Math.round(perThousand) } });
    }
  }
  return reports;
}

export const duplicatedOrConflictingInstructions = defineRule({
  code: 'GD103',
  name: 'duplicated-or-conflicting-instructions',
  family: 'prompt-stuffing',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    minDuplicateWords: { type: 'number', default: 5, description: 'Content words (stop words and placeholders dropped) an instruction needs before it is compared: shorter lines repeat innocently (`Answer:`, `Be concise.`).' },
    minSimilarityPercent: { type: 'number', default: 80, description: 'Word overlap (Jaccard, in percent) at which two instructions count as the same one.' },
    minEmphasis: { type: 'number', default: 8, description: 'Emphasis markers (IMPORTANT, CRITICAL, MUST, NEVER, ALWAYS, DO NOT… in capitals, `!!`) a prompt must hold before their density is judged.' },
    maxEmphasisPer1kTokens: { type: 'number', default: 10, description: 'Emphasis markers per 1,000 tokens at which emphasis is inflated. In eight public LLM applications the prompts above it shout on nearly every line (a line-by-line `IMPORTANT:` or `MUST` list); a long prompt with scattered capitals stays under it.' },
  },
  messages: {
    duplicate: '{subject} gives {what} twice: "{example}"',
    conflict: '{subject} says "{later}" but also "{earlier}"',
    emphasis: '{subject} holds {markers} emphasis markers ({perThousand} per 1k tokens): when everything is IMPORTANT, nothing is',
  },
  docs: {
    whatItDoes: 'Reads each prompt as instructions (lines, bullet items and sentences) and flags, once per prompt and kind: near-duplicate instructions (at least `minSimilarityPercent` overlap of their content words and at most one word apart, so that templated lines about different subjects do not pair; prose only — tool-call transcripts, option lists and few-shot questions repeat by design and are skipped); an "always X" and a "never/do not X" on the same verb and object, where neither clause carries a condition (`unless`, `if`, `only`, `except`…); and emphasis inflation, `minEmphasis` or more shouted markers at `maxEmphasisPer1kTokens` or more per 1,000 tokens. The finding points at the repeated or contradicting line and links the earlier one.',
    whyIsThisBad: 'Duplicates are the trace of append-only editing: the same rule added twice, by two people or two incidents, and the two copies drift apart at the next edit. Contradictions leave the model to pick one at random, so behaviour flips between calls and between model versions. Emphasis inflation is an arms race with the model: when every line is IMPORTANT the emphasis carries no signal, and newer models over-apply shouted rules.',
    example: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = (\n    "You are the Acme support assistant.\\n"\n    "Always include a link to the help center article.\\n"\n    "Answer in the customer\'s language.\\n"\n    "Never include a link to the help center article.\\n"\n)\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM}])\n' },
    useInstead: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = (\n    "You are the Acme support assistant.\\n"\n    "Always include a link to the help center article.\\n"\n    "Answer in the customer\'s language.\\n"\n)\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM}])\n' },
    fixSafety: 'No fix: which of two conflicting instructions is meant, and which duplicate to keep, is for the prompt\'s owner to decide.',
    references: [
      { title: 'Anthropic: Claude 4 prompting best practices (aggressive emphasis causes over-triggering)', url: 'https://docs.anthropic.com/en/docs/build-with-claude/prompt-engineering/claude-4-best-practices' },
      { title: 'OpenAI: GPT-4.1 prompting guide (conflicting instructions)', url: 'https://cookbook.openai.com/examples/gpt4-1_prompting_guide' },
    ],
  },
  checkFile({ text, facts, options }) {
    return distinctPrompts(facts.prompts).flatMap((prompt) => checkPrompt(prompt, text, options));
  },
});
