import type { Prompt, UserInput } from '../../core/facts';
import type { RelatedLocation } from '../../core/finding';
import { defineRule, type Report } from '../../core/rule';
import { pathTo, rootNames, within } from './flow-paths';

const instructionRoles = new Set<Prompt['role']>(['system', 'developer', 'instructions']);

const reasonWords: Record<UserInput['reason'], string> = {
  'handler-parameter': 'a web handler\'s parameter',
  'request-body': 'the request',
  'ui-input': 'the app\'s input box',
  'user-named-parameter': 'a parameter named as user input',
};

/** The user data an interpolation reads, and its path from the source; null when it reads none. */
function untrustedIn(interpolation: string, prompt: Prompt, inputs: readonly UserInput[]): { input: UserInput; related: RelatedLocation[] } | null {
  for (const input of inputs) {
    if (!within(prompt.loc, input.scope)) continue;
    const source: RelatedLocation = { loc: input.loc, message: `\`${input.expression}\` is ${reasonWords[input.reason]}` };
    const direct = interpolation === input.expression || interpolation.startsWith(`${input.expression}.`) || interpolation.startsWith(`${input.expression}[`) || interpolation.startsWith(`${input.expression}(`);
    if (direct && input.reason !== 'handler-parameter' && input.reason !== 'user-named-parameter') return { input, related: [source] };
    for (const name of rootNames(interpolation)) {
      const path = pathTo(input.names, name, prompt.loc);
      if (!path) continue;
      const steps = path.filter((step) => step.name !== input.expression || step.loc !== input.loc);
      return { input, related: [source, ...steps.map((step) => ({ loc: step.loc, message: `\`${step.name}\` holds it${step.from ? ` (from \`${step.from}\`)` : ''}` }))] };
    }
  }
  return null;
}

/**
 * GD503 untrusted-input-in-system-prompt. Request or user data interpolated
 * into a system/developer/instructions prompt, where the model gives it the
 * authority of the application's own instructions.
 */
export const untrustedInputInSystemPrompt = defineRule({
  code: 'GD503',
  name: 'untrusted-input-in-system-prompt',
  family: 'security',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: {
    interpolated: '`{expression}` from {source} is interpolated into a {role} prompt; pass user text as a user message instead',
  },
  docs: {
    whatItDoes: 'Flags system, developer and instructions prompts that interpolate request or user data: parameters of web handlers (FastAPI/Flask/Django route functions by their decorators, Express/Hono route callbacks, Next.js `POST`/`GET` route handlers), request bodies (`request.json`, `request.get_json()`, `request.form`, `req.body`, `await req.json()`), what the app\'s own UI reads (`st.chat_input()`, `input()`), and function parameters named as user input (`user_input`, `user_message`, `question`, `userPrompt`, …), followed through the assignments of the function. Only prompts inside the same function are checked; the same data sent as a user message is the intended use and is not reported.',
    whyIsThisBad: 'Models give system and developer messages more authority than user messages. User text placed there can override the application\'s instructions ("ignore the above and …") with that authority, and prompt-injection defences that rely on the role boundary no longer apply.',
    example: { path: 'api.py', code: 'from fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\nclient = OpenAI()\n\n\n@app.post("/chat")\ndef chat(message: str):\n    return client.chat.completions.create(\n        model="gpt-4o-2024-08-06",\n        messages=[{"role": "system", "content": f"You are a support agent. The customer says: {message}"}],\n    )\n' },
    useInstead: { path: 'api.py', code: 'from fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\nclient = OpenAI()\n\n\n@app.post("/chat")\ndef chat(message: str):\n    return client.chat.completions.create(\n        model="gpt-4o-2024-08-06",\n        messages=[{"role": "system", "content": "You are a support agent."}, {"role": "user", "content": message}],\n    )\n' },
    fixSafety: 'No fix: moving the text to a user message changes the conversation the model sees, and the prompt may need rewording.',
    references: [
      { title: 'OWASP Top 10 for LLM Applications: LLM01 Prompt Injection', url: 'https://genai.owasp.org/llmrisk/llm01-prompt-injection/' },
      { title: 'OpenAI: Model Spec, chain of command (system/developer/user authority)', url: 'https://model-spec.openai.com/' },
    ],
  },
  checkFile({ facts }) {
    if (facts.userInputs.length === 0) return [];
    return facts.prompts.flatMap((prompt): Report[] => {
      if (!instructionRoles.has(prompt.role)) return [];
      for (const interpolation of prompt.interpolations) {
        const found = untrustedIn(interpolation, prompt, facts.userInputs);
        if (!found) continue;
        return [{
          loc: prompt.loc,
          messageId: 'interpolated',
          data: { expression: interpolation.length > 60 ? `${interpolation.slice(0, 57)}…` : interpolation, source: reasonWords[found.input.reason], role: prompt.role },
          related: found.related,
        }];
      }
      return [];
    });
  },
});
