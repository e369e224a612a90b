import { defineRule, type Report } from '../../core/rule';
import { distinctPrompts, locateLine, promptSubject } from './prompt-source';
import { domainSections, userBranches } from './sections';

/**
 * GD104 multi-domain-prompt. A "god prompt": one prompt that carries many
 * unrelated top-level sections, or branches over many kinds of user request.
 */
export const multiDomainPrompt = defineRule({
  code: 'GD104',
  name: 'multi-domain-prompt',
  family: 'prompt-stuffing',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    minSections: { type: 'number', default: 6, description: 'Top-level sections that name a domain (not the prompt\'s scaffolding: role, instructions, output format, examples…) at which a prompt serves too many purposes.' },
    minSectionWords: { type: 'number', default: 40, description: 'Words a section must hold to count: short headed blocks are usually the outline of the expected answer ("Executive Summary", "Risks"), not a domain the prompt handles.' },
    minBranches: { type: 'number', default: 5, description: 'Distinct "if the user asks about …" branches at which a prompt is a router written in prose.' },
  },
  messages: {
    sections: '{subject} covers {count} separate domains ({titles}); split it by task and route between the prompts',
    branches: '{subject} branches over {count} kinds of request ({titles}); route them to prompts of their own',
  },
  docs: {
    whatItDoes: 'Reads the top level of each prompt — markdown headings of its highest level (inside code fences excluded; a lone `#` title is read through), or XML-style blocks (`<billing>…</billing>`) — and counts the sections that name a domain rather than the prompt\'s own scaffolding (role, context, instructions, output format, examples, rules…), hold at least `minSectionWords` words, and differ by their heading (facets such as "ALLOW - billing" / "ALLOW - refunds" count once). It also counts distinct "if/when the user asks about …" branches. A prompt with `minSections` domains or `minBranches` branches is flagged.',
    whyIsThisBad: 'A god prompt pays for every domain on every call, dilutes each instruction among the others, and couples unrelated behaviours: a change for billing questions is re-tested against shipping, legal and small talk, or not at all. A router (a classifier call, tool choice, or the framework\'s handoffs) with a focused prompt per domain is cheaper, easier to evaluate and safer to change.',
    example: { path: 'agent.py', code: `from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM = """You are the Acme assistant.\n${['Billing', 'Shipping', 'Returns', 'Warranty', 'Product setup', 'Account security'].map((topic) => `\n## ${topic}\nWhen the customer writes about ${topic.toLowerCase()}, look up their order history first, explain the relevant policy in plain words, quote the exact figures from the order, offer the next concrete step, and escalate to a human agent whenever the customer disputes what the records show or asks twice.\n`).join('')}"""\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM}])\n` },
    useInstead: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nBILLING = """You are the Acme billing assistant.\n\n## Billing\nLook up the order history first, explain the billing policy in plain words, quote the exact figures from the order, offer the next concrete step, and escalate to a human agent whenever the customer disputes what the records show.\n"""\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": BILLING}])\n' },
    fixSafety: 'No fix: splitting a prompt and adding a router changes the application\'s structure.',
    references: [
      { title: 'Anthropic: chain complex prompts', url: 'https://docs.anthropic.com/en/docs/build-with-claude/prompt-engineering/chain-prompts' },
      { title: 'OpenAI Agents SDK: handoffs (routing between focused agents)', url: 'https://openai.github.io/openai-agents-python/handoffs/' },
    ],
  },
  checkFile({ text, facts, options }) {
    const reports: Report[] = [];
    for (const prompt of distinctPrompts(facts.prompts)) {
      const sections = domainSections(prompt.text, Number(options.minSectionWords));
      const branches = userBranches(prompt.text);
      const [messageId, found] = sections.length >= Number(options.minSections) ? ['sections', sections] as const
        : branches.length >= Number(options.minBranches) ? ['branches', branches] as const
          : [null, []] as const;
      if (!messageId) continue;
      const titles = found.slice(0, 4).map((section) => `"${section.title.slice(0, 40)}"`).join(', ') + (found.length > 4 ? ', …' : '');
      reports.push({
        loc: prompt.loc,
        messageId,
        data: { subject: promptSubject(prompt), count: found.length, titles },
        related: found.map((section) => ({ loc: locateLine(text, prompt, section.line), message: `${messageId === 'sections' ? 'section' : 'branch'}: ${section.title.slice(0, 60)}` })),
      });
    }
    return reports;
  },
});
