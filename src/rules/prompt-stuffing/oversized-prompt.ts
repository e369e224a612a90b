import { defineRule, type Report } from '../../core/rule';
import { promptTokenCount } from '../../catalog/tokens';
import { inputPriceOf, PRICES_AS_OF } from '../../catalog/prices';
import { distinctPrompts, promptSubject } from './prompt-source';

/** A policy manual pasted into a system prompt: the docs example (about 2,200 tokens). */
const POLICY_MANUAL = ['orders', 'invoices', 'refunds', 'shipping labels', 'warranty claims', 'gift cards', 'subscriptions', 'loyalty points', 'store credit', 'price matches', 'bulk purchases', 'backorders', 'gift wrapping', 'damaged items']
  .flatMap((subject) => ['check the account history before answering', 'quote the exact amount shown in the records', 'explain the policy in one short paragraph', 'offer the next concrete step the customer can take', 'say which team handles the case if you cannot', 'confirm the email address before sharing details', 'mention the processing time in business days', 'link the matching help-center article by its title', 'apologise once for any delay, not more', 'never promise an outcome the records do not support']
    .map((action) => `- For questions about ${subject}, ${action}.`))
  .join('\n');

/**
 * GD101 oversized-prompt. Flags one prompt whose static text is over the token
 * budget, counted in the encoding of the model that reads it, with what the
 * prompt costs per 1,000 calls at that model's input price.
 */
export const oversizedPrompt = defineRule({
  code: 'GD101',
  name: 'oversized-prompt',
  family: 'prompt-stuffing',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    maxPromptTokens: {
      type: 'number',
      default: 2000,
      description: 'Tokens one prompt may hold. 2,000 is about twice the 99th percentile of the 595 prompts measured in eight public LLM applications (median 50, p95 440, p99 1,114): what lies above it is an outlier in real code, not a normal system prompt.',
    },
  },
  messages: {
    oversizedPriced: '{subject} is {count}, over the {max}-token budget: about ${cost} per 1k calls at `{model}` input price (price table of {asOf})',
    oversized: '{subject} is {count}, over the {max}-token budget',
  },
  docs: {
    whatItDoes: 'Counts the tokens of each prompt (a message, `system=`/`instructions=` text, a prompt template, a long prompt constant or a prompt file, with its concatenations resolved within the module) in the encoding of the model of the call that uses it (o200k_base or cl100k_base, with gpt-tokenizer), and flags prompts above `maxPromptTokens`. Models without a public tokenizer (Claude, Gemini, open models) are counted with o200k_base and the count is labelled an estimate (Anthropic\'s newer tokenizer yields roughly 30% more tokens for the same text). The finding carries `impact.tokens` and `impact.costPer1kCalls`: tokens × the model\'s input price × 1,000, from a dated price table taken from the providers\' pricing pages; the cost is null when the model or its price is unknown. Only the static text counts: interpolated values (`{context}`) add to it at run time.\n\nDefault: 2,000 tokens. On 595 prompts of eight public LLM applications (ai-chatbot, awesome-llm-apps, chat-langchain, chatbot-ui, crewAI-examples, gpt-researcher, openai-cs-agents-demo, servers) the median prompt is 50 tokens, the 95th percentile 440 and the 99th 1,114; two prompts are above 2,000 (2,978 and 6,785 tokens), both system prompts that pile up many tasks. A lower budget would flag ordinary detailed agent instructions; set it per project in `.genai-debt.json`.',
    whyIsThisBad: 'Every call pays for the whole prompt: a 4,000-token system prompt sent 100k times a day is 400M input tokens a day before the user has said anything. Long prompts also dilute instructions (models attend unevenly over long contexts, so rules in the middle are followed less), raise latency, and are where contradictory and duplicated instructions accumulate. A large prompt is usually several prompts that want to be split by task and routed, or static reference material that belongs in retrieval.',
    example: { path: 'agent.py', code: `from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM_PROMPT = """You are the support assistant of Acme.\n${POLICY_MANUAL}"""\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM_PROMPT}])\n` },
    useInstead: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\nSYSTEM_PROMPT = """You are the support assistant of Acme. Answer questions about orders politely and precisely."""\nclient.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM_PROMPT}])\n' },
    fixSafety: 'No fix: what to cut, split or move to retrieval is a design decision.',
    references: [
      { title: 'OpenAI: prompt caching (long static prefixes and their cost)', url: 'https://platform.openai.com/docs/guides/prompt-caching' },
      { title: 'Anthropic: long context prompting tips', url: 'https://docs.anthropic.com/en/docs/build-with-claude/prompt-engineering/long-context-tips' },
      { title: 'Liu et al., Lost in the Middle: How Language Models Use Long Contexts (2023)', url: 'https://arxiv.org/abs/2307.03172' },
    ],
  },
  checkFile({ facts, options }) {
    const max = Number(options.maxPromptTokens);
    const reports: Report[] = [];
    for (const prompt of distinctPrompts(facts.prompts)) {
      const count = promptTokenCount(prompt);
      if (count.tokens <= max) continue;
      const price = inputPriceOf(prompt.model);
      const costPer1kCalls = price ? Math.round(count.tokens * (price.inputPerMTok / 1_000_000) * 1000 * 10_000) / 10_000 : null;
      const shown = count.tokens.toLocaleString('en-US');
      const data = {
        subject: promptSubject(prompt),
        count: count.estimated
          ? `~${shown} tokens (estimated with ${count.encoding}: ${prompt.model ? `\`${prompt.model}\` has no public tokenizer` : 'model unknown'})`
          : `${shown} tokens (${count.encoding})`,
        max: max.toLocaleString('en-US'),
      };
      reports.push(price && costPer1kCalls !== null
        ? { loc: prompt.loc, messageId: 'oversizedPriced', data: { ...data, cost: costPer1kCalls.toFixed(2), model: prompt.model!, asOf: PRICES_AS_OF }, impact: { tokens: count.tokens, costPer1kCalls } }
        : { loc: prompt.loc, messageId: 'oversized', data, impact: { tokens: count.tokens, costPer1kCalls: null } });
    }
    return reports;
  },
});
