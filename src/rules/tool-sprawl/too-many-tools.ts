import { groupBy } from '../../core/group';
import { defineRule, type Report } from '../../core/rule';

/**
 * GD202 too-many-tools. One call or agent bound to more tools than a model
 * chooses among reliably. A binding shared by several calls (an agent and the
 * `Runner.run` that runs it) is reported once, at the tool list.
 */
export const tooManyTools = defineRule({
  code: 'GD202',
  name: 'too-many-tools',
  family: 'tool-sprawl',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    maxToolsPerCall: {
      type: 'number',
      default: 20,
      description: 'Most tools one call or agent may be given. 20 is OpenAI\'s published soft limit for function calling ("aim for fewer than 20 functions at any one time").',
    },
  },
  messages: {
    tooMany: '`{api}` is given {count} tools, more than {max}; a model picks the wrong tool more often as the list grows',
    atLeast: '`{api}` is given at least {count} tools, more than {max}; a model picks the wrong tool more often as the list grows',
  },
  docs: {
    whatItDoes: 'Counts the tools bound to each LLM call or agent — `tools=[…]`, `bind_tools([…])`, `Agent(tools=…)`, an AI SDK `tools: {…}` object, with lists and spreads resolved within the module — and flags a binding of more than `maxToolsPerCall` tools. When part of a list cannot be resolved, the tools that could be counted are a lower bound and are reported only when they alone exceed the limit. A binding that several calls share (an agent and the runs of it) is reported once.',
    whyIsThisBad: 'Every tool definition is sent with every request: it costs input tokens and, more importantly, selection accuracy. Providers report that function-calling accuracy falls as the number of functions grows (more wrong and hallucinated calls); OpenAI advises keeping the set small and aiming for fewer than 20 functions at a time. A large tool list is usually several jobs in one agent.',
    example: {
      path: 'agent.py',
      code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-08-06", messages=[], tools=[t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21])\n',
    },
    useInstead: {
      path: 'agent.py',
      code: 'from openai import OpenAI\n\nclient = OpenAI()\n# Route first, then offer only the tools of the chosen domain.\nclient.chat.completions.create(model="gpt-4o-2024-08-06", messages=[], tools=[t01, t02, t03, t04, t05])\n',
    },
    fixSafety: 'No fix: splitting an agent or routing between tool sets is a design change.',
    references: [
      { title: 'OpenAI: function calling — best practices (keep the number of functions small; aim for fewer than 20)', url: 'https://platform.openai.com/docs/guides/function-calling' },
      { title: 'OpenAI cookbook: fine-tuning for function calling (accuracy drops as the number of functions grows)', url: 'https://github.com/openai/openai-cookbook/blob/main/examples/Fine_tuning_for_function_calling.ipynb' },
      { title: 'Anthropic: tool search (for agents with many tools)', url: 'https://platform.claude.com/docs/en/agents-and-tools/tool-use/tool-search-tool' },
    ],
  },
  checkFile({ facts, options }) {
    const max = Number(options.maxToolsPerCall);
    const byBinding = groupBy(facts.llmCalls.filter((call) => call.tools), ({ tools }) => `${tools!.loc.line}:${tools!.loc.column}:${tools!.loc.endLine}:${tools!.loc.endColumn}`);
    const reports: Report[] = [];
    for (const calls of byBinding.values()) {
      const binding = calls[0].tools!;
      const count = binding.count ?? binding.names.length;
      if (count <= max) continue;
      reports.push({
        loc: binding.loc,
        messageId: binding.count === null ? 'atLeast' : 'tooMany',
        data: { api: calls[0].api, count, max },
        related: calls.map((call) => ({ loc: call.loc, message: `\`${call.api}\` uses these ${count} tools` })),
      });
    }
    return reports;
  },
});
