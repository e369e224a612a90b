import type { ModelRef, Prompt, PromptRole } from '../../core/facts';
import { baseName } from './paths';
import type { LineIndex } from './text-positions';
import { entry, objectsOf, parseYamlData, stringAt, type DataNode, type DataScalar } from './tree';

/** Placeholders: `${x}`, `{{x}}`, `{{ x | filter }}`, `{x}`, `{x!r}`, `{x:.2f}`. */
const placeholderPattern = /\$\{\s*([A-Za-z_][\w.]*)\s*\}|\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|[^{}]*)?\}\}|\{([A-Za-z_][\w.]*)(?:[!:][^{}]*)?\}/g;

export function promptVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholderPattern)) names.add(match[1] ?? match[2] ?? match[3]);
  return [...names];
}

export function roleFromFileName(path: string, fallback: PromptRole): PromptRole {
  const name = baseName(path).toLowerCase();
  if (name.includes('system')) return 'system';
  if (name.includes('developer')) return 'developer';
  if (name.includes('instruction')) return 'instructions';
  if (name.includes('assistant')) return 'assistant';
  if (name.includes('user')) return 'user';
  return fallback;
}

const roleWords: Readonly<Record<string, PromptRole>> = {
  system: 'system', system_prompt: 'system', developer: 'developer', user: 'user', user_prompt: 'user', human: 'user',
  assistant: 'assistant', ai: 'assistant', instructions: 'instructions', prompt: 'template', template: 'template',
};

function roleOf(word: string): PromptRole | null {
  return roleWords[word.toLowerCase()] ?? null;
}

interface PromptDraft {
  role: PromptRole;
  text: string;
  name: string | null;
  start: number;
  end: number;
}

function toPrompt(draft: PromptDraft, file: string, lines: LineIndex, model: string | null): Prompt {
  return {
    kind: 'prompt',
    loc: lines.location(file, draft.start, draft.end),
    role: draft.role,
    text: draft.text,
    source: 'file',
    name: draft.name,
    assembly: { parts: 1, appends: 0, style: 'literal' },
    model,
    usedByCall: false,
    variables: promptVariables(draft.text),
    interpolations: [],
  };
}

export interface PromptFileFacts {
  prompts: Prompt[];
  models: ModelRef[];
  syntaxErrors: number;
}

/** A whole file is one prompt: `.txt`/`.md` in a prompt folder, a Jinja prompt template. */
export function promptFromTextFile(file: string, text: string, lines: LineIndex, fallbackRole: PromptRole): Prompt[] {
  const trimmed = trimRange(text, 0, text.length);
  if (trimmed.start >= trimmed.end) return [];
  const draft = { role: roleFromFileName(file, fallbackRole), text: text.slice(trimmed.start, trimmed.end), name: baseName(file), ...trimmed };
  return [toPrompt(draft, file, lines, null)];
}

/**
 * `.prompty` and Dotprompt `.prompt` files: YAML front matter between `---`
 * lines (model), then a body split into role sections (`system:` lines in
 * Prompty, `{{role "system"}}` markers in Dotprompt).
 */
export function promptsFromPromptFile(file: string, text: string, lines: LineIndex): PromptFileFacts {
  const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(\r?\n|$)/m.exec(text);
  const hasFrontMatter = frontMatter !== null && frontMatter.index === 0;
  const models: ModelRef[] = [];
  let syntaxErrors = 0;
  if (hasFrontMatter) {
    const yamlStart = text.indexOf('\n') + 1;
    const parsed = parseYamlData(frontMatter[1], yamlStart);
    syntaxErrors = parsed.syntaxErrors;
    const model = modelOfPromptFile(parsed.roots[0]);
    if (model) models.push(modelRef(model, file, lines));
  }
  const bodyStart = hasFrontMatter ? frontMatter[0].length : 0;
  const modelId = models[0]?.id ?? null;
  const prompts = roleSections(text, bodyStart, file).map((draft) => toPrompt(draft, file, lines, modelId));
  return { prompts, models, syntaxErrors };
}

const roleHeaderPattern = /^[ \t]*(system|user|assistant|developer)[ \t]*:[ \t]*$|\{\{\s*role\s+["'](\w+)["']\s*\}\}/gim;

function roleSections(text: string, bodyStart: number, file: string): PromptDraft[] {
  const body = text.slice(bodyStart);
  const markers = [...body.matchAll(roleHeaderPattern)].map((match) => ({
    role: roleOf(match[1] ?? match[2]) ?? 'unknown',
    start: bodyStart + match.index!,
    contentStart: bodyStart + match.index! + match[0].length,
  }));
  const drafts: PromptDraft[] = [];
  const preamble = trimRange(text, bodyStart, markers[0]?.start ?? text.length);
  if (preamble.start < preamble.end) {
    drafts.push({ role: roleFromFileName(file, 'unknown'), text: text.slice(preamble.start, preamble.end), name: baseName(file), ...preamble });
  }
  markers.forEach((marker, index) => {
    const content = trimRange(text, marker.contentStart, markers[index + 1]?.start ?? text.length);
    if (content.start >= content.end) return;
    drafts.push({ role: marker.role, text: text.slice(content.start, content.end), name: baseName(file), start: marker.start, end: content.end });
  });
  return drafts;
}

function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Prompty: model.configuration.azure_deployment / model.id / model.configuration.model; Dotprompt and GitHub Models: `model: provider/id`. */
function modelOfPromptFile(root: DataNode | undefined): { value: DataScalar; provider: string | null } | null {
  const model = entry(root, 'model');
  if (model?.type === 'scalar') return typeof model.value === 'string' ? { value: model, provider: null } : null;
  const configuration = entry(model, 'configuration');
  const candidates = [entry(configuration, 'azure_deployment'), entry(model, 'id'), entry(configuration, 'model')];
  const found = candidates.find((node): node is DataScalar => node?.type === 'scalar' && typeof node.value === 'string');
  if (!found) return null;
  const type = stringAt(configuration, 'type') ?? stringAt(model, 'api') ?? '';
  return { value: found, provider: /openai/i.test(type) ? 'openai' : null };
}

const providerPrefixes: Readonly<Record<string, string>> = {
  openai: 'openai', azure_openai: 'openai', 'azure-openai': 'openai', anthropic: 'anthropic', googleai: 'google', google: 'google',
  vertexai: 'google', gemini: 'google', mistral: 'mistral', 'mistral-ai': 'mistral', mistralai: 'mistral', cohere: 'cohere', ollama: 'ollama',
};

function modelRef(model: { value: DataScalar; provider: string | null }, file: string, lines: LineIndex): ModelRef {
  const written = String(model.value.value);
  const slash = written.indexOf('/');
  const prefixProvider = slash > 0 ? providerPrefixes[written.slice(0, slash).toLowerCase()] : undefined;
  return {
    kind: 'model',
    loc: lines.location(file, model.value.start, model.value.end),
    id: prefixProvider ? written.slice(slash + 1) : written,
    provider: prefixProvider ?? model.provider,
    context: 'prompt-file',
  };
}

/**
 * Prompts held in data files: `{system: "…", user: "…"}` maps and
 * `messages: [{role, content}]` lists (GitHub Models `*.prompt.yml` too).
 */
export function promptsFromData(roots: DataNode[], file: string, lines: LineIndex): { prompts: Prompt[]; models: ModelRef[] } {
  const model = roots.length > 0 ? modelOfPromptFile(roots[0]) : null;
  const models = model ? [modelRef(model, file, lines)] : [];
  const modelId = models[0]?.id ?? null;
  const drafts: PromptDraft[] = [];
  for (const node of objectsOf(roots)) {
    for (const item of node.entries) {
      const value = item.value;
      if (item.key === 'messages' && value.type === 'array') {
        for (const message of value.items) {
          const role = stringAt(message, 'role');
          const content = entry(message, 'content');
          if (role === null || content?.type !== 'scalar' || typeof content.value !== 'string' || content.value.trim() === '') continue;
          drafts.push({ role: roleOf(role) ?? 'unknown', text: content.value, name: null, start: content.start, end: content.end });
        }
        continue;
      }
      const role = roleOf(item.key);
      if (role && value.type === 'scalar' && typeof value.value === 'string' && value.value.trim() !== '') {
        drafts.push({ role, text: value.value, name: item.key, start: value.start, end: value.end });
      }
    }
  }
  return { prompts: drafts.map((draft) => toPrompt(draft, file, lines, modelId)), models };
}
