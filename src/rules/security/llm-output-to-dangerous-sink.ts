import type { FlowStep, LlmCall, Location, Sink } from '../../core/facts';
import type { RelatedLocation } from '../../core/finding';
import { defineRule, type Report } from '../../core/rule';
import { pathTo, within } from './flow-paths';

const sinkWords: Record<Sink['category'], string> = {
  code: 'runs it as code',
  shell: 'runs it as a shell command',
  sql: 'runs it as SQL',
  deserialize: 'deserialises it (which can run code)',
  html: 'writes it as raw HTML',
};

/** Where model output enters a function: the call itself, or a call of a function returning its result. */
interface OutputSource {
  enclosingFunction: string | null;
  loc: Location;
  steps: readonly FlowStep[] | undefined;
  related: RelatedLocation[];
}

function sourcesOf(call: LlmCall): OutputSource[] {
  const callSite: RelatedLocation = { loc: call.loc, message: `model output comes from \`${call.api}\` here` };
  const returned = (call.returnedTo ?? []).map((caller): OutputSource => ({
    enclosingFunction: caller.enclosingFunction,
    loc: caller.loc,
    steps: caller.output,
    related: [callSite, { loc: caller.loc, message: `\`${call.enclosingFunction}\` returns it here` }],
  }));
  return [{ enclosingFunction: call.enclosingFunction, loc: call.loc, steps: call.output, related: [callSite] }, ...returned];
}

/** The model output a sink consumes, and how it got there; null when none does. */
function reachingFlow(sink: Sink, calls: readonly LlmCall[]): { related: RelatedLocation[] } | null {
  for (const call of calls) {
    if (call.loc.file !== sink.loc.file) continue;
    for (const source of sourcesOf(call)) {
      if (source.enclosingFunction !== sink.enclosingFunction) continue;
      if (within(source.loc, sink.consumed.loc)) return { related: source.related };
      for (const name of sink.consumed.names) {
        const path = source.steps ? pathTo(source.steps, name, sink.consumed.loc) : null;
        if (!path) continue;
        return { related: [...source.related, ...path.map((step) => ({ loc: step.loc, message: `\`${step.name}\` holds model output${step.from ? ` (from \`${step.from}\`)` : ''}` }))] };
      }
    }
  }
  return null;
}

/**
 * GD502 llm-output-to-dangerous-sink. Model output (the call's result and what
 * its function derives from it) reaching eval/exec, a shell, SQL, a
 * deserialiser or raw HTML, without a sanitiser or schema validation between.
 */
export const llmOutputToDangerousSink = defineRule({
  code: 'GD502',
  name: 'llm-output-to-dangerous-sink',
  family: 'security',
  severity: 'error',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: {
    sink: 'Model output reaches `{sink}`, which {effect}; validate it against a schema or an allow-list first, or sandbox it',
  },
  docs: {
    whatItDoes: 'Follows the result of each chat, completion and agent call through its function (assignments, attribute and index reads such as `.choices[0].message.content`, `.content[0].text`, `.output_text`, `.text`, `json.loads`/`JSON.parse` of it, string building) and flags it when it reaches a dangerous sink: `eval`/`exec`/`compile`, `new Function`, `vm.runIn*`; `os.system`, `subprocess` with `shell=True` or a shell in its argument list (`["bash", "-c", cmd]`), `child_process.exec`, `spawn("sh", ["-c", cmd])`; SQL `execute` on a database handle, `read_sql`; `pickle.loads` and other unsafe deserialisers; `innerHTML`/`outerHTML`, `insertAdjacentHTML`, `document.write`, `dangerouslySetInnerHTML`, Streamlit\'s `unsafe_allow_html=True`. A value passed through a schema validation (`model_validate_json`, zod `parse`/`safeParse`), `ast.literal_eval`, a number conversion, `shlex.quote`, `html.escape`, `DOMPurify.sanitize` no longer counts. The flow stays within a function, with one step further: a function that returns the output (`def ask(q): … return reply.choices[0].message.content`) is followed into its callers in the same file (`exec(ask(q))`, also `self.ask(q)`/`this.ask(q)` in its class). Output passed to another function as an argument, returned through two functions, or across files is not followed. The finding names the path (call → variables → sink) in its related locations.',
    whyIsThisBad: 'Model output is attacker-controlled as soon as any input the model reads is (a web page, a document, a user message): a prompt injection turns into code execution, shell commands, SQL injection or stored XSS. This is OWASP\'s "improper output handling": treat model output like user input.',
    example: { path: 'agent.py', code: 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef calculate(question):\n    reply = client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n    expression = reply.choices[0].message.content\n    return eval(expression)\n' },
    useInstead: { path: 'agent.py', code: 'import ast\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n\ndef calculate(question):\n    reply = client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": question}])\n    expression = reply.choices[0].message.content\n    return ast.literal_eval(expression)\n' },
    fixSafety: 'No fix: what is safe to accept depends on the application (a schema, an allow-list of commands, parameterised SQL, an HTML sanitiser, a sandbox).',
    references: [
      { title: 'OWASP Top 10 for LLM Applications: LLM05 Improper Output Handling', url: 'https://genai.owasp.org/llmrisk/llm052025-improper-output-handling/' },
      { title: 'OWASP: Injection Prevention Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Injection_Prevention_Cheat_Sheet.html' },
    ],
  },
  checkFile({ facts }) {
    const seen = new Set<string>();
    return facts.sinks.flatMap((sink): Report[] => {
      const flow = reachingFlow(sink, facts.llmCalls);
      const key = `${sink.loc.line}:${sink.loc.column}`;
      if (!flow || seen.has(key)) return [];
      seen.add(key);
      return [{
        loc: sink.loc,
        messageId: 'sink',
        data: { sink: sink.callee, effect: sinkWords[sink.category] },
        related: [...flow.related, { loc: sink.consumed.loc, message: `\`${sink.callee}\` consumes it here` }],
      }];
    });
  },
});
