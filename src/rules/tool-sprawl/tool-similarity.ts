import type { ToolDef } from '../../core/facts';
import { canonicalVerb, contentWords, editSimilarity, identifierWords, stem } from './words';

/**
 * How alike two tools look to a model: their names (split into words), their
 * descriptions (content words) and their parameters (names and types). Word
 * weights are inverse document frequencies over the tools compared together,
 * so a word every tool shares (`get`, `tool`, `knowledge graph`) counts for little.
 */
export interface ToolSimilarity {
  name: number;
  /** null when either tool has no description. */
  description: number | null;
  /** null when neither tool takes parameters. */
  parameters: number | null;
  /** Weighted mean of the parts that exist. */
  score: number;
  /** `different` when both names lead with known action verbs of different meaning (`add_…` vs `divide_…`). */
  actions: 'same' | 'different' | 'unknown';
}

const WEIGHTS = { name: 0.35, description: 0.45, parameters: 0.2 };

export interface ToolProfile {
  tool: ToolDef;
  nameWords: string[];
  descriptionWords: string[] | null;
  /** Normalised parameter name → type. */
  parameters: Map<string, string | null>;
}

/** Name words with a leading verb replaced by its canonical form, so `fetch_user` reads as `get_user`. */
function nameWordsOf(name: string): string[] {
  const words = identifierWords(name).map(stem);
  const verb = words.length > 1 ? canonicalVerb(words[0]) : null;
  return verb ? [verb, ...words.slice(1)] : words;
}

export function profileOf(tool: ToolDef): ToolProfile {
  return {
    tool,
    nameWords: nameWordsOf(tool.name),
    descriptionWords: tool.description ? contentWords(tool.description) : null,
    parameters: new Map(tool.parameters.map((parameter) => [identifierWords(parameter.name).join('_'), normaliseType(parameter.type)])),
  };
}

function normaliseType(type: string | null): string | null {
  if (!type) return null;
  const lower = type.toLowerCase().replace(/\s+/g, '');
  if (/^(str|string)$/.test(lower)) return 'string';
  if (/^(int|integer|float|number|double)$/.test(lower)) return 'number';
  if (/^(bool|boolean)$/.test(lower)) return 'boolean';
  return lower;
}

/** Inverse document frequencies of the words of a set of word lists, smoothed so unseen words weigh most. */
export class WordWeights {
  private readonly frequency = new Map<string, number>();
  private readonly documents: number;

  constructor(lists: readonly (readonly string[])[]) {
    this.documents = lists.length;
    for (const list of lists) for (const word of new Set(list)) this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
  }

  weight(word: string): number {
    return Math.log((1 + this.documents) / (1 + (this.frequency.get(word) ?? 0))) + 1;
  }
}

/** Weighted Jaccard of two word sets. */
function weightedOverlap(a: readonly string[], b: readonly string[], weights: WordWeights): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  let union = 0;
  for (const word of new Set([...left, ...right])) {
    const weight = weights.weight(word);
    union += weight;
    if (left.has(word) && right.has(word)) shared += weight;
  }
  return union === 0 ? 0 : shared / union;
}

/** TF-IDF cosine of two word lists. */
function cosine(a: readonly string[], b: readonly string[], weights: WordWeights): number {
  const vector = (words: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    return new Map([...counts].map(([word, count]) => [word, count * weights.weight(word)]));
  };
  const left = vector(a);
  const right = vector(b);
  let dot = 0;
  for (const [word, value] of left) dot += value * (right.get(word) ?? 0);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((sum, value) => sum + value * value, 0));
  const denominator = norm(left) * norm(right);
  return denominator === 0 ? 0 : dot / denominator;
}

/**
 * Names: the mean of the weighted word overlap (`get_weather` vs `get_stock_price`
 * share only a cheap verb) and the character similarity of the joined words
 * (`weekly` vs `monthly` share letters and position).
 */
function nameSimilarity(a: ToolProfile, b: ToolProfile, weights: WordWeights): number {
  return (weightedOverlap(a.nameWords, b.nameWords, weights) + editSimilarity(a.nameWords.join(''), b.nameWords.join(''))) / 2;
}

/** Parameters: shared names over all names; a shared name whose types disagree counts half. */
function parameterSimilarity(a: ToolProfile, b: ToolProfile): number | null {
  const names = new Set([...a.parameters.keys(), ...b.parameters.keys()]);
  if (names.size === 0) return null;
  let shared = 0;
  for (const name of names) {
    if (!a.parameters.has(name) || !b.parameters.has(name)) continue;
    const left = a.parameters.get(name);
    const right = b.parameters.get(name);
    shared += !left || !right || left === right ? 1 : 0.5;
  }
  return shared / names.size;
}

function actionsOf(a: ToolProfile, b: ToolProfile): ToolSimilarity['actions'] {
  const left = a.nameWords.length > 1 ? canonicalVerb(a.nameWords[0]) : null;
  const right = b.nameWords.length > 1 ? canonicalVerb(b.nameWords[0]) : null;
  if (!left || !right) return 'unknown';
  return left === right ? 'same' : 'different';
}

export function similarity(a: ToolProfile, b: ToolProfile, nameWeights: WordWeights, descriptionWeights: WordWeights): ToolSimilarity {
  const name = nameSimilarity(a, b, nameWeights);
  const description = a.descriptionWords && b.descriptionWords ? cosine(a.descriptionWords, b.descriptionWords, descriptionWeights) : null;
  const parameters = parameterSimilarity(a, b);
  let total = WEIGHTS.name * name;
  let weight = WEIGHTS.name;
  if (description !== null) {
    total += WEIGHTS.description * description;
    weight += WEIGHTS.description;
  }
  if (parameters !== null) {
    total += WEIGHTS.parameters * parameters;
    weight += WEIGHTS.parameters;
  }
  return { name, description, parameters, score: total / weight, actions: actionsOf(a, b) };
}

/** "names 71% alike, descriptions 80% alike, same parameters" — the parts that explain a score. */
export function explain(s: ToolSimilarity): string {
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  const parts = [`names ${percent(s.name)} alike`];
  if (s.description !== null) parts.push(`descriptions ${percent(s.description)} alike`);
  if (s.parameters === 1) parts.push('same parameters');
  else if (s.parameters !== null && s.parameters > 0) parts.push(`parameters ${percent(s.parameters)} alike`);
  return parts.join(', ');
}
