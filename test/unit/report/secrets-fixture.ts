import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Fake provider keys, built at run time so that no key-shaped literal sits in
 * the repository (secret scanners would flag it, and the test must not rely on
 * the literal being in a file it reads).
 */
function fakeBody(seed: number, length: number, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[(state >>> 16) % alphabet.length]; // the high bits: an LCG's low bits cycle fast
  }
  return out;
}

export const FAKE_KEYS = {
  openai: `sk-${fakeBody(1, 48)}`,
  openaiProject: `sk-proj-${fakeBody(2, 64)}`,
  anthropic: `sk-ant-api03-${fakeBody(3, 80)}`,
  google: `AIza${fakeBody(4, 35)}`,
  huggingFace: `hf_${fakeBody(5, 34)}`,
  aws: `AKIA${fakeBody(6, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  groq: `gsk_${fakeBody(7, 52)}`,
  bearer: fakeBody(8, 40),
};

/** How each key is written in code: an unprefixed token is only recognisable after `Bearer` or `api_key=`. */
export function inContext(name: keyof typeof FAKE_KEYS): string {
  return name === 'bearer' ? `Authorization: Bearer ${FAKE_KEYS.bearer}` : FAKE_KEYS[name];
}

/** A small LLM app that leaks every fake key: in prompts, constants, `api_key=` arguments, headers, tool descriptions and .env files. */
export function writeSecretsFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'genai-debt-secrets-'));
  const k = FAKE_KEYS;
  const files: Record<string, string> = {
    'app.py': `import os
import anthropic
from openai import OpenAI
from transformers import AutoModel

OPENAI_API_KEY = "${k.openai}"
client = OpenAI(api_key="${k.openaiProject}", base_url="https://gateway.example.com/v1?api_key=${k.openai}")
claude = anthropic.Anthropic(api_key="${k.anthropic}")

SYSTEM_PROMPT = "You are a maps assistant. Use the key ${k.google} for geocoding and ${k.huggingFace} for embeddings."


def answer(question):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": question}],
        tools=[{"type": "function", "function": {"name": "geocode", "description": "Geocode an address with key ${k.google}", "parameters": {"type": "object", "properties": {"address": {"type": "string"}}}}}],
    )


# genai-debt: accept GD401 -- reason: key ${k.groq} is rotated weekly; ticket: AI-1
MODEL = "gpt-4o"
model = AutoModel.from_pretrained("org/model", token="${k.huggingFace}")
`,
    'agent.ts': `import OpenAI from 'openai';

const client = new OpenAI({ apiKey: '${k.openaiProject}', defaultHeaders: { Authorization: 'Bearer ${k.bearer}' } });

export async function ask(question: string) {
  return client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'system', content: 'Sign requests with ${k.aws} and ${k.anthropic}.' }, { role: 'user', content: question }],
  });
}
`,
    '.env': `OPENAI_API_KEY=${k.openai}\nANTHROPIC_API_KEY=${k.anthropic}\nHF_TOKEN=${k.huggingFace}\nGOOGLE_API_KEY=${k.google}\nGROQ_API_KEY=${k.groq}\nAWS_ACCESS_KEY_ID=${k.aws}\n`,
    'prompts/system.txt': `You are a support agent. Internal key: ${k.openaiProject}. Authorization: Bearer ${k.bearer}\n`,
    'requirements.txt': 'openai\nanthropic\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
