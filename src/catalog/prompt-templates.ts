/**
 * Prompt-template and message constructors of the frameworks, as data: where
 * their text lives and which role it plays. Front-ends match callees against
 * these origin patterns (see patterns.ts) and read the text from the slots
 * (see sdk-calls.ts for the slot mini-language).
 *
 * Sources: shared/reference/catalog-facts.md §(a) (LangChain `ChatPromptTemplate`
 * / `PromptTemplate`, message classes).
 */
export interface PromptTemplateShape {
  python?: string[];
  ts?: string[];
  /** `messages`: a list of (role, text) tuples or message objects; `text`: one string. */
  shape: 'messages' | 'text';
  slots: string[];
  /** Role of a `text` shape. */
  role?: 'system' | 'user' | 'assistant' | 'template';
  source: 'template' | 'inline';
}

const LC_PROMPTS_TS = '{@langchain/core/prompts,langchain/prompts}';
const LC_MESSAGES_TS = '{@langchain/core/messages,langchain/schema}';
const LC_PROMPTS_PY = '{langchain_core.prompts,langchain.prompts}';
const LC_MESSAGES_PY = '{langchain_core.messages,langchain.schema}';

export const promptTemplateShapes: readonly PromptTemplateShape[] = [
  {
    shape: 'messages', slots: ['arg:0', 'kw:messages'], source: 'template',
    python: [`${LC_PROMPTS_PY}.**.ChatPromptTemplate.from_messages`],
    ts: [`${LC_PROMPTS_TS}.ChatPromptTemplate.fromMessages`],
  },
  {
    shape: 'text', role: 'template', slots: ['arg:0', 'kw:template', 'obj:0.template'], source: 'template',
    python: [`${LC_PROMPTS_PY}.**.{PromptTemplate,ChatPromptTemplate}.from_template`, `${LC_PROMPTS_PY}.**.PromptTemplate`],
    ts: [`${LC_PROMPTS_TS}.{PromptTemplate,ChatPromptTemplate}.fromTemplate`, `${LC_PROMPTS_TS}.PromptTemplate`],
  },
  {
    shape: 'text', role: 'system', slots: ['arg:0', 'kw:template'], source: 'template',
    python: [`${LC_PROMPTS_PY}.**.SystemMessagePromptTemplate.from_template`],
    ts: [`${LC_PROMPTS_TS}.SystemMessagePromptTemplate.fromTemplate`],
  },
  {
    shape: 'text', role: 'user', slots: ['arg:0', 'kw:template'], source: 'template',
    python: [`${LC_PROMPTS_PY}.**.HumanMessagePromptTemplate.from_template`],
    ts: [`${LC_PROMPTS_TS}.HumanMessagePromptTemplate.fromTemplate`],
  },
  {
    shape: 'text', role: 'system', slots: ['arg:0', 'kw:content', 'obj:0.content'], source: 'inline',
    python: [`${LC_MESSAGES_PY}.SystemMessage`], ts: [`${LC_MESSAGES_TS}.SystemMessage`],
  },
  {
    shape: 'text', role: 'user', slots: ['arg:0', 'kw:content', 'obj:0.content'], source: 'inline',
    python: [`${LC_MESSAGES_PY}.HumanMessage`], ts: [`${LC_MESSAGES_TS}.HumanMessage`],
  },
  {
    shape: 'text', role: 'assistant', slots: ['arg:0', 'kw:content', 'obj:0.content'], source: 'inline',
    python: [`${LC_MESSAGES_PY}.AIMessage`], ts: [`${LC_MESSAGES_TS}.AIMessage`],
  },
];

/** Role names as the frameworks write them in messages and tuples → fact roles; `placeholder` and the like are not prompts. */
export const messageRoles: Readonly<Record<string, 'system' | 'developer' | 'user' | 'assistant'>> = {
  system: 'system', developer: 'developer', user: 'user', human: 'user', assistant: 'assistant', ai: 'assistant', model: 'assistant',
};
