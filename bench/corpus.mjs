// Deterministic benchmark corpus: LLM-application-like Python and TypeScript
// files generated from templates and a seeded PRNG, so two runs (or two
// machines) measure exactly the same input. About 60% Python, 40% TypeScript;
// roughly half the files contain no LLM code at all, as in a real repository.
//
// Only .py/.ts/.tsx files are written, so the bare-parse pass and the audit
// see the same set of files and their times compare like with like.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: tiny, fast, good enough for picking templates. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['order', 'invoice', 'ticket', 'customer', 'shipment', 'product', 'review', 'refund', 'account',
  'subscription', 'payment', 'cart', 'report', 'document', 'contract', 'claim', 'policy', 'lead', 'booking', 'article'];
const VERBS = ['get', 'fetch', 'load', 'lookup', 'find', 'list', 'create', 'update', 'cancel', 'summarize', 'classify',
  'extract', 'translate', 'route', 'score'];
const OPENAI_MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4o-2024-08-06', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-3.5-turbo', 'gpt-4-turbo', 'o3-mini', 'gpt-5-mini'];
const ANTHROPIC_MODELS = ['claude-3-5-sonnet-20240620', 'claude-3-5-haiku-20241022', 'claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', 'claude-opus-4-1'];
const HF_MODELS = ['sentence-transformers/all-MiniLM-L6-v2', 'BAAI/bge-small-en-v1.5', 'distilbert-base-uncased', 'intfloat/e5-base-v2'];
const DOMAINS = ['an online shop', 'an insurance company', 'a travel agency', 'a bank', 'a SaaS help desk', 'a law firm', 'a hospital'];
const RULES = ['Answer briefly and politely.', 'Never reveal internal ticket notes.', 'Escalate legal threats to a human.',
  'Quote the reference number back to the user.', 'Do not discuss competitors.', 'Answer in the user\'s language.',
  'Refuse to give medical or legal advice.', 'Ask one clarifying question when the request is ambiguous.',
  'Prices include VAT.', 'Refunds above 200 EUR need a human agent.', 'Use bullet points for lists of more than three items.'];

class Writer {
  constructor(random) {
    this.random = random;
  }
  pick(items) {
    return items[Math.floor(this.random() * items.length)];
  }
  int(min, max) {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p) {
    return this.random() < p;
  }
  noun() {
    return this.pick(NOUNS);
  }
  fn() {
    return `${this.pick(VERBS)}_${this.noun()}`;
  }
  camel(snake) {
    return snake.replace(/_(\w)/g, (_, c) => c.toUpperCase());
  }
  rules(count) {
    return Array.from({ length: count }, () => this.pick(RULES));
  }
}

// ---------------------------------------------------------------- Python

function pyPadding(w, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const name = `${w.fn()}_${i}`;
    const field = w.noun();
    out.push(`
def ${name}(records: list[dict], limit: int = ${w.int(5, 500)}) -> list[dict]:
    """Filter and sort ${field} records for the ${w.noun()} view."""
    selected = [r for r in records if r.get("${field}_id") and r.get("status") != "deleted"]
    selected.sort(key=lambda r: (r.get("priority", 0), r.get("created_at", "")), reverse=${w.chance(0.5) ? 'True' : 'False'})
    totals = {}
    for record in selected[:limit]:
        key = record.get("region", "unknown")
        totals[key] = totals.get(key, 0) + record.get("amount", ${w.int(0, 9)})
    if len(totals) > ${w.int(2, 20)}:
        raise ValueError(f"too many regions: {len(totals)}")
    return [dict(r, total=totals.get(r.get("region", "unknown"), 0)) for r in selected[:limit]]
`);
  }
  return out.join('');
}

const pythonTemplates = [
  { weight: 14, make: (w) => {
    const model = w.pick(OPENAI_MODELS);
    const rules = w.rules(w.int(1, 8));
    const handler = w.fn();
    const appends = rules.slice(1).map((r) => `SYSTEM_PROMPT += "${r}\\n"`).join('\n');
    const tools = w.chance(0.4) ? `,
        tools=[{"type": "function", "function": {"name": "${w.fn()}", "description": "Look up a ${w.noun()}.",
                "parameters": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}}}]` : '';
    return `import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
MODEL = "${model}"

SYSTEM_PROMPT = "You are the assistant of ${w.pick(DOMAINS)}. ${rules[0]}\\n"
${appends}


def ${handler}(user_name: str, message: str) -> str:
    response = client.chat.completions.create(
        model=${w.chance(0.5) ? 'MODEL' : `"${model}"`},
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT + f"The user is {user_name}."},
            {"role": "user", "content": message},
        ],
        temperature=${w.int(0, 9) / 10}${tools},
    )
    return response.choices[0].message.content
`;
  } },
  { weight: 8, make: (w) => `import anthropic

claude = anthropic.Anthropic()

REVIEW_SYSTEM = (
    "You review ${w.noun()} texts for ${w.pick(DOMAINS)}. "
    "${w.pick(RULES)} ${w.pick(RULES)}"
)


def ${w.fn()}(text: str) -> str:
    message = claude.messages.create(
        model="${w.pick(ANTHROPIC_MODELS)}",
        max_tokens=${w.int(100, 4000)},
        system=REVIEW_SYSTEM,
        tools=[{"name": "${w.fn()}", "description": "Fetch the ${w.noun()} record.",
                "input_schema": {"type": "object", "properties": {"id": {"type": "string"}}}}],
        messages=[{"role": "user", "content": text}],
    )
    return message.content[0].text
` },
  { weight: 8, make: (w) => {
    const toolName = w.fn();
    return `from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="${w.pick(OPENAI_MODELS)}", temperature=0)

prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "You help ${w.pick(DOMAINS)}. ${w.pick(RULES)} Context:\\n{context}"),
        ("human", "{question}"),
    ]
)
chain = prompt | llm | StrOutputParser()


@tool
def ${toolName}(${w.noun()}_id: str) -> str:
    ${w.chance(0.7) ? `"""Return the ${w.noun()} with this id."""\n    ` : ''}return "${w.noun()}:" + ${w.noun()}_id


def ${w.fn()}(retriever, question: str) -> str:
    docs = retriever.invoke(question)
    context = "\\n".join(d.page_content for d in docs)
    return chain.invoke({"context": context, "question": question})
`;
  } },
  { weight: 6, make: (w) => {
    const tools = Array.from({ length: w.int(1, 6) }, () => w.fn());
    const defs = tools.map((t, i) => `
@function_tool
def ${t}_${i}(${w.noun()}_id: str) -> str:
    ${w.chance(0.75) ? `"""${w.pick(VERBS)} the ${w.noun()} by id."""\n    ` : ''}return backend.call("${t}", ${w.noun()}_id)
`).join('');
    return `from agents import Agent, Runner, function_tool

import backend
${defs}

agent = Agent(
    name="${w.noun()} desk",
    instructions="You handle ${w.noun()} questions. ${w.pick(RULES)}",
    model="${w.pick(OPENAI_MODELS)}",
    tools=[${tools.map((t, i) => `${t}_${i}`).join(', ')}],
)


def run(question: str) -> str:
    return Runner.run_sync(agent, question).final_output
`;
  } },
  { weight: 4, make: (w) => {
    const model = w.pick(HF_MODELS);
    return `from sentence_transformers import SentenceTransformer
from transformers import AutoModel, AutoTokenizer

encoder = SentenceTransformer("${model}"${w.chance(0.3) ? ', revision="5f8a2c1e9b7d4a3f6e0c2b1a9d8e7f6a5b4c3d2e"' : ''})
tokenizer = AutoTokenizer.from_pretrained("${model}"${w.chance(0.5) ? ', revision="main"' : ''})
model = AutoModel.from_pretrained("${model}")


def embed(texts: list[str]):
    return encoder.encode(texts, batch_size=${w.int(8, 128)}, normalize_embeddings=True)
`;
  } },
  { weight: 5, make: (w) => w.pick([
    () => `import litellm


def ${w.fn()}(text: str) -> str:
    response = litellm.completion(
        model="${w.pick(['openai/gpt-4o', 'anthropic/claude-3-5-haiku-20241022', 'gpt-3.5-turbo', 'ollama/llama3'])}",
        messages=[{"role": "system", "content": "${w.pick(RULES)}"}, {"role": "user", "content": text}],
    )
    return response.choices[0].message.content
`,
    () => `from google import genai
from google.genai import types

client = genai.Client()


def ${w.fn()}(text: str) -> str:
    result = client.models.generate_content(
        model="${w.pick(['gemini-2.0-flash', 'gemini-1.5-pro', 'gemini-flash-latest'])}",
        contents=text,
        config=types.GenerateContentConfig(system_instruction="${w.pick(RULES)}"),
    )
    return result.text
`,
    () => `import ollama


def ${w.fn()}(text: str) -> str:
    reply = ollama.chat(model="${w.pick(['llama3', 'llama3:8b', 'mistral', 'qwen2.5:7b'])}", messages=[{"role": "user", "content": text}])
    return reply["message"]["content"]
`,
  ])() },
  { weight: 3, make: (w) => w.pick([
    () => `import mlflow

mlflow.openai.autolog()
mlflow.set_experiment("${w.noun()}-assistant")
`,
    () => `from langsmith import traceable
from langsmith.wrappers import wrap_openai
from openai import OpenAI

client = wrap_openai(OpenAI())


@traceable
def ${w.fn()}(text: str) -> str:
    out = client.chat.completions.create(model="${w.pick(OPENAI_MODELS)}", messages=[{"role": "user", "content": text}])
    return out.choices[0].message.content
`,
    () => `from langfuse.decorators import observe
from langfuse.openai import openai


@observe()
def ${w.fn()}(text: str) -> str:
    out = openai.chat.completions.create(model="${w.pick(OPENAI_MODELS)}", messages=[{"role": "user", "content": text}])
    return out.choices[0].message.content
`,
  ])() },
  // Non-LLM code, with decoys whose method names look like SDK calls.
  { weight: 52, make: (w) => w.pick([
    () => `from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class ${w.camel(`_${w.noun()}`)}Record:
    id: str
    owner: str
    created_at: datetime = field(default_factory=datetime.utcnow)
    tags: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"{self.id} ({self.owner})"
`,
    () => `import requests

session = requests.Session()


def ${w.fn()}(base_url: str, item_id: str) -> dict:
    response = session.get(f"{base_url}/${w.noun()}s/{item_id}", timeout=${w.int(2, 30)})
    response.raise_for_status()
    return response.json()


def ${w.fn()}_batch(base_url: str, payload: dict) -> dict:
    return session.post(f"{base_url}/${w.noun()}s", json=payload, timeout=10).json()
`,
    () => `from sqlalchemy.orm import Session

from .models import ${w.camel(`_${w.noun()}`)}


def ${w.fn()}(db: Session, name: str):
    record = ${w.camel(`_${w.noun()}`)}(name=name)
    db.add(record)
    db.commit()
    return record


def run_pipeline(pipeline, rows):
    # A decoy: .invoke and .create on things that are not LLM clients.
    result = pipeline.invoke(rows)
    return result.messages.create(len(rows))
`,
    () => `import pytest

from app.${w.noun()}s import ${w.fn()}


@pytest.mark.parametrize("value,expected", [(${w.int(0, 9)}, ${w.int(0, 9)}), (${w.int(10, 99)}, ${w.int(10, 99)})])
def test_${w.fn()}(value, expected):
    assert ${w.fn()}(value) == expected
`,
  ])() },
];

// ---------------------------------------------------------------- TypeScript

function tsPadding(w, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const name = `${w.camel(w.fn())}${i}`;
    out.push(`
export function ${name}(rows: Array<{ id: string; region?: string; amount?: number; status?: string }>, limit = ${w.int(5, 500)}) {
  const selected = rows.filter((row) => row.status !== 'deleted').slice(0, limit);
  const totals = new Map<string, number>();
  for (const row of selected) {
    const key = row.region ?? 'unknown';
    totals.set(key, (totals.get(key) ?? 0) + (row.amount ?? ${w.int(0, 9)}));
  }
  if (totals.size > ${w.int(2, 20)}) throw new Error(\`too many regions: \${totals.size}\`);
  return selected.map((row) => ({ ...row, total: totals.get(row.region ?? 'unknown') ?? 0 }));
}
`);
  }
  return out.join('');
}

const typescriptTemplates = [
  { weight: 12, make: (w) => {
    const tools = Array.from({ length: w.int(0, 4) }, () => w.camel(w.fn()));
    const toolBlock = tools.length === 0 ? '' : `
    tools: {
${tools.map((t, i) => `      ${t}${i}: tool({
        ${w.chance(0.8) ? `description: '${w.pick(VERBS)} a ${w.noun()} by id.',\n        ` : ''}inputSchema: z.object({ id: z.string()${w.chance(0.5) ? ".describe('The record id')" : ''} }),
        execute: async ({ id }) => ({ id }),
      }),`).join('\n')}
    },`;
    const fn = w.pick(['generateText', 'streamText']);
    return `import { openai } from '@ai-sdk/openai';
import { ${fn}, tool } from 'ai';
import { z } from 'zod';

const SYSTEM = \`You are the assistant of ${w.pick(DOMAINS)}.
${w.rules(w.int(1, 5)).join('\n')}\`;

export async function ${w.camel(w.fn())}(prompt: string, userName: string) {
  return ${fn}({
    model: openai('${w.pick(OPENAI_MODELS)}'),
    system: \`\${SYSTEM}\\nThe user is \${userName}.\`,
    prompt,${toolBlock}
  });
}
`;
  } },
  { weight: 12, make: (w) => w.chance(0.5) ? `import OpenAI from 'openai';

const client = new OpenAI();

export async function ${w.camel(w.fn())}(text: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: '${w.pick(OPENAI_MODELS)}',
    messages: [
      { role: 'system', content: '${w.pick(RULES).replace(/'/g, "\\'")} ${w.pick(RULES).replace(/'/g, "\\'")}' },
      { role: 'user', content: text },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
` : `import OpenAI from 'openai';

const client = new OpenAI();
const INSTRUCTIONS = 'Summarise the ${w.noun()} for ${w.pick(DOMAINS)}. ' + '${w.pick(RULES).replace(/'/g, "\\'")}';

export async function ${w.camel(w.fn())}(input: string) {
  const response = await client.responses.create({ model: '${w.pick(OPENAI_MODELS)}', instructions: INSTRUCTIONS, input });
  return response.output_text;
}
` },
  { weight: 6, make: (w) => `import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function ${w.camel(w.fn())}(text: string) {
  const message = await anthropic.messages.create({
    model: '${w.pick(ANTHROPIC_MODELS)}',
    max_tokens: ${w.int(100, 4000)},
    system: 'You check ${w.noun()} texts. ${w.pick(RULES).replace(/'/g, "\\'")}',
    messages: [{ role: 'user', content: text }],
  });
  return message.content;
}
` },
  { weight: 4, make: (w) => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: '${w.noun()}-tools', version: '1.${w.int(0, 9)}.0' });

server.registerTool(
  '${w.fn()}',
  {
    ${w.chance(0.8) ? `description: 'Return the ${w.noun()} with the given id.',\n    ` : ''}inputSchema: { id: z.string() },
  },
  async ({ id }) => ({ content: [{ type: 'text', text: id }] }),
);

export default server;
` },
  { weight: 4, make: (w) => `import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate } from '@langchain/core/prompts';

const model = new ChatOpenAI({ model: '${w.pick(OPENAI_MODELS)}', temperature: 0 });
const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'You answer questions about ${w.noun()}s. ${w.pick(RULES).replace(/'/g, "\\'")}'],
  ['human', '{question}'],
]);

export async function ${w.camel(w.fn())}(question: string) {
  return prompt.pipe(model).invoke({ question });
}
` },
  // Non-LLM code, with decoys.
  { weight: 62, make: (w) => w.pick([
    () => `import express from 'express';

export const router = express.Router();

router.get('/${w.noun()}s/:id', async (req, res) => {
  const item = await req.app.locals.db.${w.noun()}.findUnique({ where: { id: req.params.id } });
  res.json(item);
});

router.post('/${w.noun()}s', async (req, res) => {
  // Decoy: a .create on a database client, not an LLM.
  const created = await req.app.locals.db.messages.create({ data: req.body });
  res.status(201).json(created);
});
`,
    () => `export interface ${w.camel(`_${w.noun()}`)} {
  id: string;
  owner: string;
  createdAt: Date;
  tags: string[];
}

export function label(item: ${w.camel(`_${w.noun()}`)}): string {
  return \`\${item.id} (\${item.owner})\`;
}
`,
    () => `import { describe, expect, it } from 'vitest';
import { ${w.camel(w.fn())} } from './${w.noun()}';

describe('${w.noun()}', () => {
  it('keeps ${w.int(1, 99)} items', () => {
    expect(${w.camel(w.fn())}([], ${w.int(1, 9)})).toEqual([]);
  });
});
`,
  ])() },
];

const REACT_COMPONENT = (w) => `import { useState } from 'react';

export function ${w.camel(`_${w.noun()}`)}Panel({ title }: { title: string }) {
  const [open, setOpen] = useState(${w.chance(0.5)});
  return (
    <section className="panel">
      <h2 onClick={() => setOpen(!open)}>{title}</h2>
      {open && <p>${w.pick(RULES)}</p>}
    </section>
  );
}
`;

function pickWeighted(w, templates) {
  const total = templates.reduce((sum, t) => sum + t.weight, 0);
  let roll = w.random() * total;
  for (const template of templates) {
    roll -= template.weight;
    if (roll < 0) return template;
  }
  return templates[templates.length - 1];
}

/** Most files are small; a few are long, as in real code bases. */
function paddingCount(w) {
  const roll = w.random();
  if (roll < 0.6) return w.int(0, 3);
  if (roll < 0.9) return w.int(4, 20);
  if (roll < 0.99) return w.int(21, 80);
  return w.int(100, 250);
}

/**
 * Writes `fileCount` files under `root` (removed first) and returns
 * `{ files: [{ path, bytes, language }], bytes }` with POSIX paths relative to `root`.
 */
export function generateCorpus(root, fileCount, seed) {
  const w = new Writer(seededRandom(seed));
  rmSync(root, { recursive: true, force: true });
  const files = [];
  let bytes = 0;
  for (let i = 0; i < fileCount; i++) {
    const project = `project-${String(i % 40).padStart(2, '0')}`;
    let path;
    let text;
    if (w.chance(0.6)) {
      text = pickWeighted(w, pythonTemplates).make(w) + pyPadding(w, paddingCount(w));
      path = `${project}/${w.pick(['app', 'services', 'workers', 'api', 'tests'])}/${w.fn()}_${i}.py`;
    } else if (w.chance(0.1)) {
      text = REACT_COMPONENT(w);
      path = `${project}/web/src/components/${w.camel(`_${w.noun()}`)}${i}.tsx`;
    } else {
      text = pickWeighted(w, typescriptTemplates).make(w) + tsPadding(w, paddingCount(w));
      path = `${project}/web/src/${w.pick(['lib', 'routes', 'ai', 'jobs'])}/${w.camel(w.fn())}${i}.ts`;
    }
    // A few files are mid-edit: cut off in the middle of a statement.
    if (w.chance(0.01)) text = text.slice(0, Math.floor(text.length * 0.6));
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    const size = Buffer.byteLength(text);
    bytes += size;
    files.push({ path, bytes: size, language: path.endsWith('.py') ? 'python' : 'typescript' });
  }
  return { files, bytes };
}
