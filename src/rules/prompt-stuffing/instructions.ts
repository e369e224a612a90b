/**
 * Reads a prompt's text as instructions: sentences and bullet lines, their
 * content words, "always …" / "never …" clauses and emphasis markers. Plain
 * text heuristics, no model: they are tuned to stay quiet on ordinary prompts.
 */
export interface Instruction {
  /** The instruction as written (bullet marks taken off). */
  text: string;
  /** Its line in the prompt text, for locating it in the source. */
  line: string;
  /** Content words, lower case, stop words and placeholders dropped. */
  words: string[];
}

const STOP_WORDS = new Set(('a an the and or but if then else of to in on at by for with from as into onto about over under is are was were be been being '
  + 'it its this that these those there here you your yours we our us i me my they them their he she his her can could should would will shall may might '
  + 'do does did done so such than too very just also any all each every some no not only own same other more most much many few both either neither '
  + 'what which who whom whose when where why how please make sure').split(' '));

const PLACEHOLDER = /\{\{?[^{}]*\}?\}|\$\{[^}]*\}/g;

/** Content words, lower case; numbers are kept (\"3 minutes\" and \"5 minutes\" are different instructions). */
export function contentWords(text: string): string[] {
  return text
    .replace(PLACEHOLDER, ' ')
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word) && (word.length > 1 || /\d/.test(word)))
    .map(stem);
}

/** A light stemmer, so that "answer", "answers" and "answering" compare equal. */
function stem(word: string): string {
  return word.length > 5 ? word.replace(/(?:ing|ed|es|s)$/, '') : word.length > 3 ? word.replace(/s$/, '') : word;
}

/**
 * Prose, not code or data: tool-call transcripts (`read_file(id, "a.ts")`),
 * option lists (`[kitchen/bathroom]`) and few-shot questions repeat by design.
 */
function isProse(text: string): boolean {
  if (text.endsWith('?')) return false;
  const tokens = text.split(/\s+/).filter(Boolean);
  const plain = tokens.filter((token) => /^[*_`"'(]*[A-Za-z][A-Za-z'\u2019-]*[*_`"'),.:;!]*$/.test(token));
  return plain.length >= tokens.length * 0.8;
}

/** Sentences and bullet items of a prompt, each with the text line it came from. */
export function instructionsOf(text: string): Instruction[] {
  const found: Instruction[] = [];
  for (const line of text.split('\n')) {
    const body = line.trim().replace(/^(?:[-*\u2022>]|\d+[.)]|[a-z][.)])\s+/, '');
    if (!body) continue;
    for (const sentence of body.split(/(?<=[.!?])\s+(?=[A-Z"'])/)) {
      const trimmed = sentence.trim();
      if (trimmed) found.push({ text: trimmed, line, words: contentWords(trimmed) });
    }
  }
  return found;
}

function isNegated(text: string): boolean {
  return /\b(?:no|not|never|none|without|don't|doesn't|cannot|can't|won't)\b/i.test(text);
}

/** Word overlap (Jaccard) and the number of words only one side has. */
function overlap(a: readonly string[], b: readonly string[]): { similarity: number; differing: number } {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  const union = left.size + right.size - shared;
  return { similarity: shared / union, differing: union - shared };
}

export interface DuplicatePair {
  first: Instruction;
  second: Instruction;
  similarity: number;
}

/**
 * Pairs of instructions that say the same thing: at least `minWords` content
 * words each, word overlap (Jaccard) of at least `minSimilarity`, and at most
 * one word that only one of them has. Each later instruction is paired with its
 * first match only.
 */
export function duplicateInstructions(instructions: readonly Instruction[], minWords: number, minSimilarity: number): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const candidates = instructions.filter((instruction) => new Set(instruction.words).size >= minWords && isProse(instruction.text));
  // Bounded: a prompt of thousands of sentences is compared on its first 400.
  const bounded = candidates.slice(0, 400);
  for (let j = 1; j < bounded.length; j++) {
    for (let i = 0; i < j; i++) {
      // "X contradicts Y" and "No X contradicts Y" share their words but not their meaning.
      if (isNegated(bounded[i].text) !== isNegated(bounded[j].text)) continue;
      // One differing word at most: templated lines ("For gift cards, …" / "For gift wrapping, …") differ in their subject.
      const { similarity, differing } = overlap(bounded[i].words, bounded[j].words);
      if (similarity >= minSimilarity && differing <= 1) {
        pairs.push({ first: bounded[i], second: bounded[j], similarity });
        break;
      }
    }
  }
  return pairs;
}

export interface Directive {
  polarity: 'always' | 'never';
  instruction: Instruction;
  /** Content words of the clause after the keyword. */
  object: string[];
}

const ALWAYS = /\balways\s+([^.;:!?\n]+)/gi;
const NEVER = /\b(?:never|do not|don't|must not|should not)\s+([^.;:!?\n]+)/gi;
/** A clause with a condition is a rule with an exception, not a contradiction. */
const CONDITIONAL = /\b(?:unless|except|if|when|whenever|until|before|after|only|otherwise|instead)\b/i;

function directivesOf(instruction: Instruction): Directive[] {
  const found: Directive[] = [];
  for (const [pattern, polarity] of [[ALWAYS, 'always'], [NEVER, 'never']] as const) {
    for (const match of instruction.text.matchAll(pattern)) {
      if (CONDITIONAL.test(match[1])) continue;
      found.push({ polarity, instruction, object: contentWords(match[1]) });
    }
  }
  return found;
}

function sameObject(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const largeSet = new Set(large);
  return small.every((word) => largeSet.has(word)) && large.length - small.length <= 1 && small[0] === large[0];
}

/** "always X" and "never X" on the same verb and object (at most one extra word on either side). */
export function conflictingDirectives(instructions: readonly Instruction[]): [Directive, Directive][] {
  const directives = instructions.flatMap(directivesOf);
  const conflicts: [Directive, Directive][] = [];
  for (let j = 1; j < directives.length; j++) {
    for (let i = 0; i < j; i++) {
      if (directives[i].polarity !== directives[j].polarity && sameObject(directives[i].object, directives[j].object)) {
        conflicts.push([directives[i], directives[j]]);
        break;
      }
    }
  }
  return conflicts;
}

const EMPHASIS = /\b(?:IMPORTANT|CRITICAL|CRUCIAL|ESSENTIAL|MUST|NEVER|ALWAYS|REQUIRED|MANDATORY|STRICTLY|ABSOLUTELY|NOT|ONLY|WARNING|DO NOT|UNDER NO CIRCUMSTANCES)\b|!{2,}/g;

/** Emphasis markers: shouted imperatives (IMPORTANT, MUST, NEVER, …) and runs of `!`. */
export function emphasisMarkers(text: string): number {
  return (text.match(EMPHASIS) ?? []).length;
}
