import type { Prompt } from '../../core/facts';
import { defineRule, type Report, type WorkspaceContext } from '../../core/rule';
import { distinctPrompts, promptSubject } from './prompt-source';
import { growthHistory, promptRegion, type RegionAnchor } from './prompt-history';

/**
 * GD102 append-only-prompt. Two signals of a prompt that is only ever added to:
 * the code builds it from many appended sections (phase 1), or git shows its
 * text growing over several commits with no line ever removed or reworded (phase 2).
 */

function builtByAppends(prompt: Prompt, minAppends: number): boolean {
  return (prompt.assembly.style === 'augmented' || prompt.assembly.style === 'list-join') && prompt.assembly.appends >= minAppends;
}

/** What finds the prompt in an old version of its file; null when nothing distinctive does. */
function anchorOf(prompt: Prompt, fileText: string): RegionAnchor | null {
  if (prompt.name && /^[A-Za-z_$][\w$]*$/.test(prompt.name)) return { name: prompt.name };
  const firstLine = fileText.split('\n')[prompt.loc.line - 1]?.trim() ?? '';
  // A line of bare delimiters (`"""`, `(`) could be anywhere; the anchor needs words.
  return /[A-Za-z]{3,}.*[A-Za-z]{3,}/.test(firstLine) && firstLine.length >= 15 ? { firstLine } : null;
}

function historyReports(context: WorkspaceContext): Report[] {
  const repository = context.repository;
  if (!repository) return [];
  const minRevisions = Number(context.options.minRevisions);
  const minGrowth = Number(context.options.minGrowthPercent) / 100;
  const minAppends = Number(context.options.minAppends);
  const reports: Report[] = [];
  // Most prompts sit in files with no history (new, untracked): they are left out before the rest.
  const withHistory = context.facts.prompts.filter((prompt) => (repository.history.get(prompt.loc.file)?.length ?? 0) > 0);
  for (const prompt of distinctPrompts(withHistory)) {
    if (builtByAppends(prompt, minAppends)) continue; // phase 1 reports it already
    const history = repository.history.get(prompt.loc.file)!;
    const current = context.texts.get(prompt.loc.file);
    if (current === undefined) continue;
    const anchor = prompt.source === 'file' ? null : anchorOf(prompt, current);
    if (prompt.source !== 'file' && !anchor) continue;
    const texts = history.map((revision) => revision.text);
    if (texts[texts.length - 1] !== current) texts.push(current);
    const regions = texts.map((text) => (anchor ? promptRegion(text, anchor) : text));
    const growth = growthHistory(regions);
    if (growth.versions.length < minRevisions || !growth.onlyGrew || growth.firstSize === 0) continue;
    if (growth.lastSize < growth.firstSize * (1 + minGrowth)) continue;
    reports.push({
      loc: prompt.loc,
      messageId: 'onlyGrew',
      data: {
        subject: promptSubject(prompt),
        revisions: growth.versions.length,
        firstLines: growth.versions[0].length,
        lastLines: growth.versions[growth.versions.length - 1].length,
        growth: Math.round((growth.lastSize / growth.firstSize - 1) * 100),
      },
    });
  }
  return reports;
}

export const appendOnlyPrompt = defineRule({
  code: 'GD102',
  name: 'append-only-prompt',
  family: 'prompt-stuffing',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    minAppends: {
      type: 'number',
      default: 5,
      description: 'Appends (`+=`, `.append` of sections joined later) that make a prompt "built by appending". In eight public LLM applications no prompt is built with more than one append; 5 marks a prompt that has become a pile of sections.',
    },
    minRevisions: { type: 'number', default: 3, description: 'Distinct versions of the prompt in git history (the working copy counts as one) before its growth is judged.' },
    minGrowthPercent: { type: 'number', default: 50, description: 'How much the prompt\'s text must have grown, first version to last, in percent.' },
  },
  messages: {
    builtByAppends: '{subject} is assembled from {parts} sections by {appends} appends; a prompt that only gets sections added is never pruned',
    onlyGrew: '{subject} only grew over {revisions} revisions ({firstLines} → {lastLines} lines, +{growth}%): no line was ever removed or reworded',
  },
  docs: {
    whatItDoes: 'Flags prompts that are only ever added to. In code: a prompt assembled by `minAppends` or more appends — `PROMPT += "…"` repeated, or sections `.append`ed to a list that is then joined. In git history (read with the real `git`, bounded in time; without git only the code shape is checked): a prompt whose text, across at least `minRevisions` versions, never lost or changed a line and grew by at least `minGrowthPercent`. The prompt is found in each old version of its file by the constant it is bound to, or by the source line it starts on, so moving it around the file does not hide it.',
    whyIsThisBad: 'Append-only growth is how prompts rot: each incident adds a rule ("also never…", "IMPORTANT: …") and nobody removes the ones a later change made obsolete. The prompt gets longer, costlier and self-contradictory, and no one can say any more which sentence fixes which behaviour. A prompt that is never edited down is also never re-evaluated as a whole.',
    example: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = "You are the Acme support assistant."\nSYSTEM += "\\nAnswer in English."\nSYSTEM += "\\nNever promise refunds."\nSYSTEM += "\\nDo not discuss competitors."\nSYSTEM += "\\nIMPORTANT: keep answers short."\nSYSTEM += "\\nAlso never share internal links."\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM}])\n' },
    useInstead: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = """You are the Acme support assistant. Answer briefly, in English.\nDo not promise refunds, discuss competitors or share internal links."""\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM}])\n' },
    fixSafety: 'No fix: consolidating a prompt means deciding which instructions still matter, and re-running its evaluation.',
    references: [
      { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (NeurIPS 2015)', url: 'https://papers.nips.cc/paper/5656-hidden-technical-debt-in-machine-learning-systems' },
      { title: 'Anthropic: prompt engineering overview (iterate against evaluations)', url: 'https://docs.anthropic.com/en/docs/build-with-claude/prompt-engineering/overview' },
    ],
  },
  checkFile({ facts, options }) {
    const minAppends = Number(options.minAppends);
    return distinctPrompts(facts.prompts)
      .filter((prompt) => builtByAppends(prompt, minAppends))
      .map((prompt) => ({ loc: prompt.loc, messageId: 'builtByAppends', data: { subject: promptSubject(prompt), parts: prompt.assembly.parts, appends: prompt.assembly.appends } }));
  },
  checkWorkspace: historyReports,
});
